/** Reading rows from `strapi.db.query` and knex: relation ids and dates in one shape. */

/** The id of a populated to-one relation (`{ id }`), or null. */
export const idOf = (relation: unknown): number | null =>
  relation && typeof relation === 'object' && 'id' in relation ? Number(relation.id) : null;

/** A stored date (Date, ISO string, or SQLite's epoch milliseconds) as ISO 8601, or null. */
export const iso = (value: unknown): string | null =>
  value ? new Date(value as string | number | Date).toISOString() : null;
