/** Reading rows from `strapi.db.query` and knex: relation ids and dates in one shape. */
import { randomBytes } from 'node:crypto';
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

/** A nullable text column: the string, or null. */
export const textOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** A populated to-one relation as a raw row, or null when the relation is empty. */
export const relationRow = (value: unknown): RawRow | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RawRow) : null;

/** A populated to-many relation as raw rows; none when it was not populated. */
export const relationRows = (value: unknown): RawRow[] =>
  Array.isArray(value)
    ? value.flatMap((item): RawRow[] => {
        const row = relationRow(item);
        return row ? [row] : [];
      })
    : [];

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

const DOCUMENT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A Strapi-style document id: 24 lower-case letters and digits, starting with a letter. */
export const newDocumentId = () =>
  Array.from(randomBytes(24), (byte, index) =>
    index === 0 ? DOCUMENT_ID_ALPHABET[byte % 26] : DOCUMENT_ID_ALPHABET[byte % 36]
  ).join('');

/**
 * Inserts one row of a content type with plain attributes in ONE statement, and answers it as
 * `findOne` would (every scalar attribute, defaults and nulls included). The Query Engine's
 * `create` reads the row back with a second query; on the order path (SPEC §12, queries per
 * order) that is a query per row the plugin already holds. Lifecycles see `afterCreateMany`.
 */
export const insertRow = async (
  strapi: Core.Strapi,
  model: UID.Schema,
  data: RawRow
): Promise<RawRow & { id: number; documentId: string }> => {
  const now = new Date();
  const row: RawRow = {};
  for (const [name, attribute] of Object.entries(strapi.getModel(model).attributes)) {
    if (attribute.type === 'relation' || attribute.type === 'component') continue;
    row[name] =
      'default' in attribute && attribute.default !== undefined ? attribute.default : null;
  }
  const documentId = newDocumentId();
  const values = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  Object.assign(row, values, { documentId, createdAt: now, updatedAt: now });
  const { ids } = await strapi.db.query(model).createMany({
    data: [{ ...values, documentId, createdAt: now, updatedAt: now }],
  });
  return { ...row, id: Number(ids[0]), documentId };
};
