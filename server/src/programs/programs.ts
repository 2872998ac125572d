import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  programFieldNames,
  programInputSchema,
  type ListProgramsQuery,
  type PreviewRequest,
  type ProgramData,
  type ProgramView,
} from '../../../plugin/contracts/admin';
import { previewProgram } from '../../../plugin/commissions';
import type { z } from 'zod';
import type { previewRequestSchema } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { iso } from '../platform/rows';
import { getService } from '../platform/plugin-context';
import { parseInput } from '../platform/validation';

const PROGRAM = uid('program');
const ENROLLMENT = uid('enrollment');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** JSON rule fields Strapi may hold as null; the contract fills them with their defaults. */
const DEFAULTED_WHEN_NULL = [
  'productRates',
  'tiers',
  'eligibility',
  'fraudSignals',
  'emailTemplates',
];

/** A stored program in the contract's shape (instants as ISO strings, null JSON left out). */
const fieldsOf = (row: Row): Row => {
  const fields: Row = {};
  for (const name of programFieldNames) {
    // The contract's `status` is stored as `state`: Strapi 5 reserves the attribute `status`.
    const value = name === 'status' ? row.state : row[name];
    if (value === undefined || (value === null && DEFAULTED_WHEN_NULL.includes(name))) continue;
    fields[name] = value instanceof Date ? value.toISOString() : value;
  }
  for (const name of ['startsAt', 'endsAt'])
    if (fields[name]) fields[name] = new Date(fields[name]).toISOString();
  return fields;
};

/**
 * Programs in the admin (SPEC §4–§5, §9): every rule validated by the contract before anything is
 * stored, slugs unique, and a preview of what unsaved rules pay, from the real engine.
 */
const createProgramsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const programs = () => strapi.db.query(PROGRAM);
  const toRow = ({ status, ...fields }: ProgramData) => ({ ...fields, state: status });

  const partnersOf = (programId: number) =>
    strapi.db.query(ENROLLMENT).count({ where: { program: { id: programId }, state: 'approved' } });

  const viewOf = async (row: Row): Promise<ProgramView> => ({
    ...(programInputSchema.safeParse(fieldsOf(row)).data ?? (fieldsOf(row) as ProgramData)),
    documentId: row.documentId,
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    partners: await partnersOf(row.id),
  });

  const stored = async (documentId: string) => {
    const row = await programs().findOne({ where: { documentId } });
    if (!row) throw new errors.NotFoundError('program not found');
    return row;
  };

  const assertSlugFree = async (slug: string, documentId?: string) => {
    const taken = await programs().findOne({
      where: { slug, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
      select: ['id'],
    });
    if (taken)
      throw new errors.ValidationError(`slug: "${slug}" is used by another program`, {
        errors: [{ path: ['data', 'slug'], message: 'already used by another program' }],
      });
  };

  return {
    async list(query: ListProgramsQuery) {
      const { results, pagination } = await programs().findPage({
        where: {
          ...(query.status ? { state: query.status } : {}),
          ...(query.q ? { name: { $containsi: query.q } } : {}),
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        page: query.page,
        pageSize: query.pageSize,
      });
      return { results: await Promise.all(results.map(viewOf)), pagination };
    },

    async get(documentId: string) {
      return viewOf(await stored(documentId));
    },

    async create(data: ProgramData) {
      await assertSlugFree(data.slug);
      return viewOf(await programs().create({ data: toRow(data) }));
    },

    /** Merges the fields sent (`sent` lists them) over the stored program; validates the whole. */
    async update(documentId: string, patch: Row, sent: string[]) {
      const row = await stored(documentId);
      const merged = { ...fieldsOf(row) };
      for (const name of sent) merged[name] = patch[name];
      const data = parseInput(programInputSchema, merged);
      if (data.slug !== row.slug) await assertSlugFree(data.slug, documentId);
      const updated = await programs().update({ where: { id: row.id }, data: toRow(data) });
      // Activation gives every approved partner without a link in the program its default one.
      if (data.status === 'active' && row.state !== 'active') {
        await getService('links', { strapi }).ensureDefaultLinksOfProgram(row.id);
      }
      return viewOf(updated);
    },

    preview: (input: z.output<typeof previewRequestSchema>['data']) => previewProgram(input),
  };
};

export type { PreviewRequest };
export type ProgramsService = ReturnType<typeof createProgramsService>;
export default createProgramsService;
