import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';

/**
 * The ledger tables (commission, payout, order) keep their partner, program and order as plain
 * id columns. These helpers turn an admin filter (partner documentId, program slug) into those
 * ids, and look up what a view shows of the rows they name: one `$in` query per kind, never one
 * per row.
 */

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** No row has this id: a filter naming an unknown partner or program matches nothing. */
const NO_ROW = -1;

/** `{ partnerId, programId }` for `partner` (documentId) and `program` (slug) filters, when given. */
export const referenceWhere = async (
  strapi: Core.Strapi,
  query: { partner?: string; program?: string }
) => {
  const where: { partnerId?: number; programId?: number } = {};
  if (query.partner) {
    const partner = await strapi.db
      .query(uid('partner'))
      .findOne({ where: { documentId: query.partner }, select: ['id'] });
    where.partnerId = partner ? Number(partner.id) : NO_ROW;
  }
  if (query.program) {
    const program = await strapi.db
      .query(uid('program'))
      .findOne({ where: { slug: query.program }, select: ['id'] });
    where.programId = program ? Number(program.id) : NO_ROW;
  }
  return where;
};

const REFERENCED = {
  partnerId: uid('partner'),
  programId: uid('program'),
  orderId: uid('order'),
} as const;
type ReferenceColumn = keyof typeof REFERENCED;

/**
 * The rows that `rows[*][column]` name, by id, with the given fields: e.g.
 * `await lookUp(strapi, entries, 'partnerId', ['documentId', 'name'])`.
 */
export const lookUp = async (
  strapi: Core.Strapi,
  rows: readonly Row[],
  column: ReferenceColumn,
  fields: readonly string[]
): Promise<Map<number, Row>> => {
  const ids = [...new Set(rows.map((row) => row[column]).filter((id) => id != null))].map(Number);
  if (ids.length === 0) return new Map();
  const found: Row[] = await strapi.db.query(REFERENCED[column]).findMany({
    where: { id: { $in: ids } },
    select: ['id', ...fields],
  });
  return new Map(found.map((row) => [Number(row.id), row]));
};

/**
 * Adds `partner`, `program` and `order` objects to rows that hold their ids, as `populate` did
 * for relations: `withReferences(strapi, rows, { partner: ['name'], order: ['externalId'] })`.
 */
export const withReferences = async <T extends Row>(
  strapi: Core.Strapi,
  rows: readonly T[],
  fields: { partner?: readonly string[]; program?: readonly string[]; order?: readonly string[] }
): Promise<Array<T & { partner?: Row | null; program?: Row | null; order?: Row | null }>> => {
  const kinds = (['partner', 'program', 'order'] as const).filter((kind) => fields[kind]);
  const maps = await Promise.all(
    kinds.map((kind) => lookUp(strapi, rows, `${kind}Id`, fields[kind] ?? []))
  );
  return rows.map((row) => {
    const joined: Row = { ...row };
    kinds.forEach((kind, index) => {
      const id = row[`${kind}Id`];
      joined[kind] = id == null ? null : (maps[index].get(Number(id)) ?? null);
    });
    return joined as T & { partner?: Row | null; program?: Row | null; order?: Row | null };
  });
};
