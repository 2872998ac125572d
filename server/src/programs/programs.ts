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
import type {
  previewRequestSchema,
  updateProgramRequestSchema,
} from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import type { RawRow } from '../platform/rows';
import { getService } from '../platform/plugin-context';
import { parseInput } from '../platform/validation';
import { toProgramRecord, type ProgramRecord } from './program-record';

const PROGRAM = uid('program');
const ENROLLMENT = uid('enrollment');

type ProgramFieldName = (typeof programFieldNames)[number];
/** The fields an update sends (the others hold their defaults: `sent` names the sent ones). */
type ProgramPatch = z.output<typeof updateProgramRequestSchema>['data'];

/** JSON rule fields Strapi may hold as null; the contract fills them with their defaults. */
const DEFAULTED_WHEN_NULL: readonly ProgramFieldName[] = [
  'productRates',
  'tiers',
  'eligibility',
  'fraudSignals',
  'emailTemplates',
];

/** A stored program in the contract's shape (instants as ISO strings, null JSON left out). */
const fieldsOf = (program: ProgramRecord) => {
  const fields: { [name: string]: unknown } = {};
  for (const name of programFieldNames) {
    // The contract's `status` is stored as `state`: Strapi 5 reserves the attribute `status`.
    const value = name === 'status' ? program.state : program[name];
    if (value === null && DEFAULTED_WHEN_NULL.includes(name)) continue;
    fields[name] = value;
  }
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

  const viewOf = async (program: ProgramRecord): Promise<ProgramView> => ({
    ...(programInputSchema.safeParse(fieldsOf(program)).data ?? (fieldsOf(program) as ProgramData)),
    documentId: program.documentId,
    createdAt: program.createdAt as string,
    updatedAt: program.updatedAt as string,
    partners: await partnersOf(program.id),
  });

  const stored = async (documentId: string) => {
    const row: RawRow | null = await programs().findOne({ where: { documentId } });
    if (!row) throw new errors.NotFoundError('program not found');
    return toProgramRecord(row);
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
      const found: RawRow[] = results;
      return {
        results: await Promise.all(found.map((row) => viewOf(toProgramRecord(row)))),
        pagination,
      };
    },

    async get(documentId: string) {
      return viewOf(await stored(documentId));
    },

    async create(data: ProgramData) {
      await assertSlugFree(data.slug);
      return viewOf(toProgramRecord(await programs().create({ data: toRow(data) })));
    },

    /** Merges the fields sent (`sent` lists them) over the stored program; validates the whole. */
    async update(documentId: string, patch: ProgramPatch, sent: string[]) {
      const row = await stored(documentId);
      const merged = fieldsOf(row);
      const sentFields: { [name: string]: unknown } = patch;
      for (const name of sent) merged[name] = sentFields[name];
      const data = parseInput(programInputSchema, merged);
      if (data.slug !== row.slug) await assertSlugFree(data.slug, documentId);
      const updated = await programs().update({ where: { id: row.id }, data: toRow(data) });
      // Activation gives every approved partner without a link in the program its default one.
      if (data.status === 'active' && row.state !== 'active') {
        await getService('links', { strapi }).ensureDefaultLinksOfProgram(row.id);
      }
      return viewOf(toProgramRecord(updated));
    },

    preview: (input: z.output<typeof previewRequestSchema>['data']) => previewProgram(input),
  };
};

export type { PreviewRequest };
export type ProgramsService = ReturnType<typeof createProgramsService>;
export default createProgramsService;
