import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import { tableOf } from '../platform/database';
import { GRAIN, MEASURES, columnOf, type Grain } from './rollup-columns';
import { rawSources, unionAll } from './rollup-sources';
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
const monthStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
const nextMonth = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));

type By = 'day' | 'partner' | 'total';
interface ReadOptions {
  partnerIds?: readonly number[];
  measures?: readonly string[];
}

/** A read of the measures of a range (`start` is the start of a day) through a filter. */
type Read = (
  strapi: Core.Strapi,
  knex: Knex,
  range: { start: Date; end: Date },
  filter: RollupFilter,
  by: By,
  options?: ReadOptions
) => Promise<MeasureRow[]>;

/** Rollup rows of one grain whose `day` is in [from, to), added or (sign -1) taken away. */
interface Piece {
  grain: Grain;
  from: string;
  to: string;
  sign: 1 | -1;
}

const DAY_MS = 86_400_000;
/** Every measure at 0: the start of a row's values. */
const ZEROS: Readonly<Record<string, number>> = Object.fromEntries(
  MEASURES.map((name) => [name, 0])
);
const later = (a: Date, b: Date) => (a > b ? a : b);
const earlier = (a: Date, b: Date) => (a < b ? a : b);
const daysIn = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime()) / DAY_MS;

/**
 * The pieces that cover the closed days [start, end) (`end` at most `today`). Without a partner
 * filter, and not by partner, every partner's days in a program. By day, the partners' days.
 * Otherwise the partners' months: a month the range covers in part is read either from its days
 * in the range, or as the month less its (closed) days outside the range, whichever reads fewer
 * day rows; the months between are read whole.
 */
const piecesOf = (start: Date, end: Date, today: Date, by: By, narrowed: boolean): Piece[] => {
  const days = (grain: Grain, from: Date, to: Date, sign: 1 | -1 = 1): Piece[] =>
    from < to ? [{ grain, from: dayOf(from), to: dayOf(to), sign }] : [];
  if (!narrowed && by !== 'partner') return days(GRAIN.programDay, start, end);
  if (by === 'day' || start >= end) return days(GRAIN.partnerDay, start, end);

  const first = monthStart(start);
  const last = monthStart(new Date(end.getTime() - DAY_MS));
  /** An edge month: its days in the range, and its closed days outside it. */
  const edge = (month: Date) => {
    const inside: [Date, Date] = [later(start, month), earlier(end, nextMonth(month))];
    const before: [Date, Date] = [month, inside[0]];
    const after: [Date, Date] = [inside[1], earlier(nextMonth(month), today)];
    const whole = daysIn(...before) + daysIn(...after) < daysIn(...inside);
    const pieces = whole
      ? [...days(GRAIN.partnerDay, ...before, -1), ...days(GRAIN.partnerDay, ...after, -1)]
      : days(GRAIN.partnerDay, ...inside);
    return { whole, pieces };
  };
  const head = edge(first);
  const tail = last > first ? edge(last) : null;
  const fromMonth = head.whole ? first : nextMonth(first);
  const toMonth = (tail ? tail.whole : head.whole) ? nextMonth(last) : last;
  const months: Piece[] =
    fromMonth < toMonth
      ? [
          {
            grain: GRAIN.partnerMonth,
            from: dayOf(fromMonth).slice(0, 7),
            to: dayOf(toMonth).slice(0, 7),
            sign: 1,
          },
        ]
      : [];
  return [...months, ...head.pieces, ...(tail?.pieces ?? [])];
};

/** Sums `measures` of `query` (rows aliased `u`) by day, partner or in total, and by currency. */
const sumRows = async (
  strapi: Core.Strapi,
  knex: Knex,
  query: Knex.QueryBuilder,
  filter: RollupFilter,
  by: By,
  options: ReadOptions,
  sign: 1 | -1 = 1
): Promise<MeasureRow[]> => {
  const measures = options.measures ?? MEASURES;
  if (filter.programId !== null) query.where('u.program_id', filter.programId);
  narrowPartners(strapi, knex, query, 'u.partner_id', filter);
  if (options.partnerIds) query.whereIn('u.partner_id', [...options.partnerIds]);
  // Only the rows that count some of `measures` (a ranking by orders reads the order rows).
  if (options.measures) {
    query.where((any) => {
      for (const name of measures) any.orWhere(`u.${columnOf(name)}`, '<>', 0);
    });
  }
  const key = by === 'day' ? 'u.day' : by === 'partner' ? 'u.partner_id' : null;
  if (key) query.select({ key }).groupBy(key);
  const found: Record<string, unknown>[] = await query
    .select({ currency: 'u.currency' })
    .select(measures.map((name) => knex.raw('sum(??) as ??', [`u.${columnOf(name)}`, name])))
    .groupBy('u.currency');
  return found.map((row) => {
    const values: Record<string, number> = { ...ZEROS };
    for (const name of measures) values[name] = sign * toInt(row[name]);
    return {
      key: key ? String(row.key) : '',
      currency: String(row.currency ?? ''),
      values,
    };
  });
};

/** The closed days of [start, end) (before today, UTC), from the rollups. */
export const readRolled: Read = async (strapi, knex, range, filter, by, options = {}) => {
  const today = startOfUtcDay(new Date());
  const end = range.end < today ? range.end : today;
  const narrowed = filter.partnerId !== null || filter.tier !== null || !!options.partnerIds;
  const rows: MeasureRow[] = [];
  for (const piece of piecesOf(range.start, end, today, by, narrowed)) {
    const query = knex(`${tableOf(strapi, uid('daily-rollup'))} as u`)
      .where('u.grain', piece.grain)
      .where('u.day', '>=', piece.from)
      .where('u.day', '<', piece.to);
    rows.push(...(await sumRows(strapi, knex, query, filter, by, options, piece.sign)));
  }
  return rows;
};

/** The days of [start, end) from today on, live from the raw tables (the rollups' aggregate). */
export const readLive: Read = async (strapi, knex, range, filter, by, options = {}) => {
  const today = startOfUtcDay(new Date());
  const start = range.start > today ? range.start : today;
  if (start >= range.end) return [];
  const wanted = options.measures ?? MEASURES;
  // Each raw source summed on its own, by key and currency, over the measures asked for (0 for
  // those it does not count), the sources' few rows unioned into one statement: narrow where the
  // rollups' aggregate is wide. The partners and measures asked for narrow the scans themselves.
  const sources = rawSources(strapi, knex, {
    start,
    end: range.end,
    partnerIds: options.partnerIds,
    measures: options.measures,
  });
  const zero = knex.raw('0');
  const parts = sources.map((source) => {
    const { query } = source;
    if (filter.programId !== null) query.where(source.programColumn, filter.programId);
    narrowPartners(strapi, knex, query, source.partnerColumn, filter);
    if (by === 'day') query.select({ key: source.day.select }).groupBy(source.day.groupBy);
    if (by === 'partner') {
      const partner = knex.raw('coalesce(??, 0)', [source.partnerColumn]);
      query.select({ key: partner }).groupBy(partner);
    }
    if (source.currency) query.select({ currency: source.currency }).groupBy(source.currency);
    else query.select({ currency: knex.raw("''") });
    return query
      .select(Object.fromEntries(wanted.map((name) => [name, source.measures[name] ?? zero])))
      .toSQL();
  });
  const found: Record<string, unknown>[] = await knex.from(unionAll(knex, parts)).select('*');
  return found.map((row) => {
    const values: Record<string, number> = { ...ZEROS };
    for (const name of wanted) values[name] = toInt(row[name]);
    return { key: by === 'total' ? '' : String(row.key), currency: String(row.currency), values };
  });
};

/**
 * The measures of [start, end) summed by day, by partner or in total, and by currency: the
 * closed days (before today, UTC) from the rollups, the rest live from the raw tables through
 * the same aggregate the rollups are written with. A key may come in several rows (callers add
 * them up). `start` is the start of a day.
 */
export const readMeasures: Read = async (strapi, knex, range, filter, by, options = {}) => [
  ...(await readRolled(strapi, knex, range, filter, by, options)),
  ...(await readLive(strapi, knex, range, filter, by, options)),
];

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
