import type { Knex } from 'knex';
import type { OverviewInterval } from '../../../plugin/contracts/admin';

export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

/** The dialect family of Strapi's connection (`mysql2` and `mariadb` are both MySQL here). */
export const sqlDialectOf = (client: string): SqlDialect =>
  client === 'postgres' ? 'postgres' : client === 'sqlite' ? 'sqlite' : 'mysql';

/**
 * `column` truncated to its UTC day or month, as the text "YYYY-MM-DD" (months: the first day).
 * The one place that knows each database's date functions: Strapi writes timestamps in UTC
 * (PostgreSQL and MySQL `timestamp`/`datetime` without zone), SQLite keeps epoch milliseconds
 * (rows written through knex) or ISO text (older rows).
 */
export const dateBucket = (
  knex: Knex,
  dialect: SqlDialect,
  column: string,
  interval: OverviewInterval
): Knex.Raw => {
  switch (dialect) {
    case 'postgres':
      return knex.raw(`to_char(date_trunc(?, ??), 'YYYY-MM-DD')`, [interval, column]);
    case 'mysql':
      return knex.raw(`DATE_FORMAT(??, ?)`, [column, interval === 'day' ? '%Y-%m-%d' : '%Y-%m-01']);
    case 'sqlite':
      return knex.raw(
        `strftime(?, CASE WHEN typeof(??) = 'text' THEN ?? ELSE datetime(?? / 1000, 'unixepoch') END)`,
        [interval === 'day' ? '%Y-%m-%d' : '%Y-%m-01', column, column, column]
      );
  }
};

/** The buckets of [from, to] (both "YYYY-MM-DD"), so a chart shows days without activity as 0. */
export const bucketsOf = (from: string, to: string, interval: OverviewInterval): string[] => {
  const buckets: string[] = [];
  const cursor = new Date(`${from}T00:00:00Z`);
  if (interval === 'month') cursor.setUTCDate(1);
  const end = new Date(`${to}T00:00:00Z`);
  while (cursor <= end) {
    buckets.push(cursor.toISOString().slice(0, 10));
    if (interval === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return buckets;
};
