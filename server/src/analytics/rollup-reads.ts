import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import { tableOf } from '../platform/database';
import { MEASURES, columnOf } from './rollup-columns';
import { dailyAggregates } from './rollup-sources';
import { startOfUtcDay } from './rollups';
import { narrowPartners, toInt } from './scope';

/** Program, partner and tier filters (ids; null: all). */
export interface RollupFilter {
  programId: number | null;
  partnerId: number | null;
  tier: string | null;
}

/** Summed measures of one key (a day, a partner, or everything) and currency. */
export interface MeasureRow {
  key: string;
  currency: string;
  values: Record<string, number>;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The measures of [start, end) summed by day, by partner or in total, and by currency: the
 * closed days (before today, UTC) from the rollups, the rest live from the raw tables through
 * the same aggregate the rollups are written with. Both queries return one row per key and
 * currency; a key may come from both (callers add them up). `start` is the start of a day.
 */
export const readMeasures = async (
  strapi: Core.Strapi,
  knex: Knex,
  range: { start: Date; end: Date },
  filter: RollupFilter,
  by: 'day' | 'partner' | 'total',
  options: { partnerIds?: readonly number[]; measures?: readonly string[] } = {}
): Promise<MeasureRow[]> => {
  const now = new Date();
  const measures = options.measures ?? MEASURES;
  const today = startOfUtcDay(now);
  const sources: Knex.QueryBuilder[] = [];
  const rolledEnd = range.end < today ? range.end : today;
  if (range.start < rolledEnd) {
    sources.push(
      knex(`${tableOf(strapi, uid('daily-rollup'))} as u`)
        .where('u.day', '>=', dayOf(range.start))
        .where('u.day', '<', dayOf(rolledEnd))
    );
  }
  const liveStart = range.start > today ? range.start : today;
  if (liveStart < range.end) {
    sources.push(
      knex.from(dailyAggregates(strapi, knex, { start: liveStart, end: range.end }).as('u'))
    );
  }
  const key = by === 'day' ? 'u.day' : by === 'partner' ? 'u.partner_id' : null;
  const rows: MeasureRow[] = [];
  for (const query of sources) {
    if (filter.programId !== null) query.where('u.program_id', filter.programId);
    narrowPartners(strapi, knex, query, 'u.partner_id', filter);
    if (options.partnerIds) query.whereIn('u.partner_id', [...options.partnerIds]);
    // Only the rows that count some of `measures` (a ranking by orders reads the order rows).
    if (options.measures) {
      query.where((any) => {
        for (const name of measures) any.orWhere(`u.${columnOf(name)}`, '<>', 0);
      });
    }
    if (key) query.select({ key }).groupBy(key);
    const found: Record<string, unknown>[] = await query
      .select({ currency: 'u.currency' })
      .select(measures.map((name) => knex.raw('sum(??) as ??', [`u.${columnOf(name)}`, name])))
      .groupBy('u.currency');
    for (const row of found) {
      rows.push({
        key: key ? String(row.key) : '',
        currency: String(row.currency ?? ''),
        values: Object.fromEntries(
          MEASURES.map((name) => [name, measures.includes(name) ? toInt(row[name]) : 0])
        ),
      });
    }
  }
  return rows;
};

/** The sum of `measure` over `rows` (optionally those `where` holds). */
export const total = (
  rows: readonly MeasureRow[],
  measure: string,
  where: (row: MeasureRow) => boolean = () => true
) => rows.reduce((sum, row) => (where(row) ? sum + row.values[measure] : sum), 0);

/**
 * Money per currency of `amount`, for the currencies where `present` counts at least one row
 * (a currency whose rows add up to 0 still shows, as the raw aggregates do), by currency.
 */
export const moneyByCurrency = (
  rows: readonly MeasureRow[],
  amount: (values: Record<string, number>) => number,
  present: (values: Record<string, number>) => number
) => {
  const totals = new Map<string, { amount: number; count: number }>();
  for (const row of rows) {
    if (row.currency === '') continue;
    const entry = totals.get(row.currency) ?? { amount: 0, count: 0 };
    entry.amount += amount(row.values);
    entry.count += present(row.values);
    totals.set(row.currency, entry);
  }
  return [...totals.entries()]
    .filter(([, entry]) => entry.count > 0)
    .map(([currency, entry]) => ({ amount: entry.amount, currency }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
};
