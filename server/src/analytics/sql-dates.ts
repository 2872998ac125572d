import type { Knex } from 'knex';
import type { OverviewInterval } from '../../../plugin/contracts/admin';

export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

/** The dialect family of Strapi's connection (`mysql2` and `mariadb` are both MySQL here). */
export const sqlDialectOf = (client: string): SqlDialect =>
  client === 'postgres' ? 'postgres' : client === 'sqlite' ? 'sqlite' : 'mysql';

/** A chart bucket: what to select (text "YYYY-MM-DD") and what to group by. */
export interface DateBucket {
  select: Knex.Raw;
  groupBy: Knex.Raw;
}

/**
 * `column` truncated to its UTC day or month, as the text "YYYY-MM-DD" (months: the first day).
 * The one place that knows each database's date functions: Strapi writes timestamps in UTC
 * (PostgreSQL and MySQL `timestamp`/`datetime` without zone), SQLite keeps epoch milliseconds
 * (rows written through knex) or ISO text (older rows). Rows are grouped by the cheap truncation
 * and only each group's key is formatted; the interval is a literal from a closed list, so the
 * database can match the select to the group key.
 */
export const dateBucket = (
  knex: Knex,
  dialect: SqlDialect,
  column: string,
  interval: OverviewInterval
): DateBucket => {
  const unit = interval === 'day' ? 'day' : 'month';
  switch (dialect) {
    case 'postgres': {
      const truncated = `date_trunc('${unit}', ??)`;
      return {
        select: knex.raw(`to_char(${truncated}, 'YYYY-MM-DD')`, [column]),
        groupBy: knex.raw(truncated, [column]),
      };
    }
    case 'mysql': {
      // One expression for both: ONLY_FULL_GROUP_BY does not match a select to a group key.
      const expression = knex.raw(
        `DATE_FORMAT(??, '${unit === 'day' ? '%Y-%m-%d' : '%Y-%m-01'}')`,
        [column]
      );
      return { select: expression, groupBy: expression };
    }
    case 'sqlite': {
      const format = unit === 'day' ? '%Y-%m-%d' : '%Y-%m-01';
      const expression = knex.raw(
        `strftime('${format}', CASE WHEN typeof(??) = 'text' THEN ?? ELSE datetime(?? / 1000, 'unixepoch') END)`,
        [column, column, column]
      );
      return { select: expression, groupBy: expression };
    }
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
