/** Reading rows from `strapi.db.query` and knex: relation ids and dates in one shape. */
import type { Core, UID } from '@strapi/strapi';

/** A row as the Query Engine or knex hands it over, before it is parsed. */
export interface RawRow {
  [field: string]: unknown;
}

/** The id of a populated to-one relation (`{ id }`), or null. */
export const idOf = (relation: unknown): number | null =>
  relation && typeof relation === 'object' && 'id' in relation ? Number(relation.id) : null;

/** A stored date (Date, ISO string, or SQLite's epoch milliseconds) as ISO 8601, or null. */
export const iso = (value: unknown): string | null =>
  value ? new Date(value as string | number | Date).toISOString() : null;

/** A nullable id column (a string from PostgreSQL bigint aggregates) as a number or null. */
export const idOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * The rows of `model` that plain id columns point at, by id, in one `$in` query: a page of
 * entries names its partners and programs without a query per row.
 */
export const rowsById = async <T>(
  strapi: Core.Strapi,
  model: UID.Schema,
  ids: Iterable<number | null>,
  select: readonly string[],
  parse: (row: RawRow) => T
): Promise<Map<number, T>> => {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows: RawRow[] = await strapi.db
    .query(model)
    .findMany({ where: { id: { $in: wanted } }, select: ['id', ...select] });
  return new Map(rows.map((row) => [Number(row.id), parse(row)]));
};
