import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { DealTotals, Money, Overview, OverviewQuery } from '../../../plugin/contracts/admin';
import { DEAL_STATUSES, uid } from '../../../plugin/model';
import { PAID_ORDER_STATUSES } from '../../../plugin/orders';
import { clickToCustomerBps, conversionRateBps, shareBps } from '../../../plugin/analytics/rates';
import { scopedRows, scopedClicks, toInt, type AnalyticsScope } from './scope';
import { bucketsOf, dateBucket, sqlDialectOf } from './sql-dates';
import { activationCounts } from './activation';
import { dealTotals } from './deals';
import { tableOf, withKnex } from '../platform/database';
import { getService } from '../platform/plugin-context';
import { commissionAmount, commissionCount, dealCount, dealValue } from './rollup-columns';
import { moneyByCurrency, readMeasures, total, type MeasureRow } from './rollup-reads';

/** The ledger totals the overview shows (SPEC §9: commissions accrued). */
const ACCRUED = ['pending', 'approved', 'paid'] as const;
const TOP_PARTNERS = 10;
const DAY_MS = 24 * 3600 * 1000;

const today = () => new Date().toISOString().slice(0, 10);
const addDaysTo = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

type Row = Record<string, unknown>;
const moneyOf = (rows: Row[], amount = 'amount'): Money[] =>
  rows
    .map((row) => ({ amount: toInt(row[amount]), currency: String(row.currency) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));

/** Net revenue per currency of the paid attributed orders among `rows`. */
const revenueOf = (rows: readonly MeasureRow[]) =>
  moneyByCurrency(
    rows,
    (values) => values.revenue,
    (values) => values.orders
  );

/** Commissions of `states` per currency (a currency shows when it has such an entry). */
const commissionsOf = (rows: readonly MeasureRow[], states: readonly string[]) =>
  moneyByCurrency(
    rows,
    (values) => states.reduce((sum, state) => sum + values[commissionAmount(state)], 0),
    (values) => states.reduce((sum, state) => sum + values[commissionCount(state)], 0)
  );

/** Deals by state, with their value per currency (currencies of deals that have a value). */
const dealsOf = (rows: readonly MeasureRow[]): DealTotals =>
  DEAL_STATUSES.map((state) => ({
    state: state as string,
    count: total(rows, dealCount(state)),
    value: moneyByCurrency(
      rows,
      (values) => values[dealValue(state)],
      (values) => values[dealCount(state)]
    ),
  }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => a.state.localeCompare(b.state));

/**
 * The admin Overview (SPEC §9): KPIs, charts, top partners and activation, every number an SQL
 * aggregate (count / sum / group by) over the scope's date range, program, partner tier and
 * partner. Rows never come into JavaScript; only one row per bucket, currency or partner does.
 */
const createOverviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const dialect = () => sqlDialectOf(strapi.db.dialect.client);

  const idOf = async (name: 'program' | 'partner', where: Row, label: string) => {
    const row = await strapi.db.query(uid(name)).findOne({ where, select: ['id'] });
    if (!row) throw new errors.NotFoundError(`no ${name} ${label}`);
    return Number(row.id);
  };

  const resolveScope = async (query: OverviewQuery) => {
    const to = query.to ?? (query.from && query.from > today() ? query.from : today());
    const from = query.from ?? addDaysTo(to, -29);
    const scope: AnalyticsScope = {
      start: new Date(`${from}T00:00:00Z`),
      end: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS),
      programId: query.program
        ? await idOf('program', { slug: query.program }, `"${query.program}"`)
        : null,
      partnerId: query.partner
        ? await idOf('partner', { documentId: query.partner }, query.partner)
        : null,
      tier: query.tier ?? null,
    };
    return { from, to, scope };
  };

  const inRange = (query: Knex.QueryBuilder, column: string, scope: AnalyticsScope) =>
    query.where(column, '>=', scope.start).where(column, '<', scope.end);

  const clickSeries = (knex: Knex, scope: AnalyticsScope, interval: OverviewQuery['interval']) => {
    const bucket = dateBucket(knex, dialect(), 'c.created_at', interval);
    return inRange(scopedClicks(strapi, knex, scope), 'c.created_at', scope)
      .select({
        bucket: bucket.select,
        clicks: knex.raw('count(*)'),
        uniqueClicks: knex.raw('sum(case when ?? then 1 else 0 end)', ['c.is_unique']),
      })
      .groupBy(bucket.groupBy);
  };

  /**
   * Referrals by the day they were created (with how many of them have converted since), or
   * customers by the day they converted.
   */
  const referralSeries = (
    knex: Knex,
    scope: AnalyticsScope,
    interval: OverviewQuery['interval'],
    column: 'created_at' | 'converted_at'
  ) => {
    const { query } = scopedRows(strapi, knex, 'referral', 'r', scope, {
      joinPartner: false,
    });
    const bucket = dateBucket(knex, dialect(), `r.${column}`, interval);
    return inRange(query, `r.${column}`, scope)
      .whereNot('r.state', 'rejected')
      .select({
        bucket: bucket.select,
        count: knex.raw('count(*)'),
        converted: knex.raw('sum(case when ?? is not null then 1 else 0 end)', ['r.converted_at']),
      })
      .groupBy(bucket.groupBy);
  };

  /** Paid attributed orders, by `paidAt`, net of refunds. */
  const paidOrders = (knex: Knex, scope: AnalyticsScope) => {
    const scoped = scopedRows(strapi, knex, 'order', 'o', scope);
    inRange(scoped.query, 'o.paid_at', scope).whereIn('o.state', PAID_ORDER_STATUSES);
    return scoped;
  };
  const netRevenue = (knex: Knex) => knex.raw('sum(?? - ??)', ['o.amount', 'o.refunded_amount']);

  const accruedCommissions = (knex: Knex, scope: AnalyticsScope, joinPartner = false) => {
    const scoped = scopedRows(strapi, knex, 'commission', 'k', scope, { joinPartner });
    inRange(scoped.query, 'k.created_at', scope).whereIn('k.state', [...ACCRUED]);
    return scoped;
  };

  const topPartnersRaw = async (knex: Knex, scope: AnalyticsScope) => {
    const ranked = paidOrders(knex, scope);
    const leaders: Row[] = await ranked.query
      .select({ partnerId: ranked.partnerColumn, orders: knex.raw('count(*)') })
      .groupBy(ranked.partnerColumn)
      .orderBy([
        { column: 'orders', order: 'desc' },
        { column: 'partnerId', order: 'asc' },
      ])
      .limit(TOP_PARTNERS);
    const ids = leaders.map((row) => toInt(row.partnerId));
    if (ids.length === 0) return [];
    const revenue = paidOrders(knex, scope);
    const commissions = accruedCommissions(knex, scope, true);
    const customers = scopedRows(strapi, knex, 'referral', 'r', scope);
    // One after the other: a transaction holds a single connection.
    const nameOf = await partnerNames(knex, ids);
    const revenueRows: Row[] = await revenue.query
      .whereIn(revenue.partnerColumn, ids)
      .select({
        partnerId: revenue.partnerColumn,
        currency: 'o.currency',
        amount: netRevenue(knex),
      })
      .groupBy(revenue.partnerColumn, 'o.currency');
    const commissionRows: Row[] = await commissions.query
      .whereIn(commissions.partnerColumn, ids)
      .select({ partnerId: commissions.partnerColumn, currency: 'k.currency' })
      .sum({ amount: 'k.amount' })
      .groupBy(commissions.partnerColumn, 'k.currency');
    const customerRows: Row[] = await inRange(customers.query, 'r.converted_at', scope)
      .whereNot('r.state', 'rejected')
      .whereIn(customers.partnerColumn, ids)
      .select({ partnerId: customers.partnerColumn, count: knex.raw('count(*)') })
      .groupBy(customers.partnerColumn);
    const deals = await dealTotals(strapi, knex, scope, ids);
    const of = (rows: Row[], id: number) => rows.filter((row) => toInt(row.partnerId) === id);
    return ids.map((id) => {
      return {
        ...nameOf(id),
        revenue: moneyOf(of(revenueRows, id)),
        customers: toInt(of(customerRows, id)[0]?.count),
        commissions: moneyOf(of(commissionRows, id)),
        deals: deals.get(id) ?? [],
      };
    });
  };

  /** The first steps taken (existence checks, no counts over the high-volume tables). */
  const setupOf = async (knex: Knex, scope: AnalyticsScope) => {
    const exists = async (query: Knex.QueryBuilder) =>
      (await query.select(knex.raw('1 as one')).first()) !== undefined;
    const programs = tableOf(strapi, uid('program'));
    const program: Row | undefined = await knex(programs)
      .select('currency')
      .modify((query) => {
        if (scope.programId !== null) query.where('id', scope.programId);
      })
      .orderBy('id')
      .first();
    return {
      currency: typeof program?.currency === 'string' ? program.currency : 'USD',
      setup: {
        hasProgram: program !== undefined || (await exists(knex(programs))),
        hasPartner: await exists(knex(tableOf(strapi, uid('partner'))).where('state', 'approved')),
        hasClick: await exists(knex(tableOf(strapi, uid('click'))).where('is_bot', false)),
      },
    };
  };

  /** What differs between the two ways of counting; the rest of the overview is shared. */
  interface Counted {
    clicks: number;
    uniqueClicks: number;
    referrals: number;
    customers: number;
    convertedReferrals: number;
    series: Overview['series'];
    revenueSeries: Overview['revenueSeries'];
    attributedRevenue: Money[];
    commissions: Overview['kpis']['commissions'];
    deals: DealTotals;
    topPartners: Overview['topPartners'];
  }

  type Count = (knex: Knex, scope: AnalyticsScope, range: Overview['range']) => Promise<Counted>;

  const assemble = async (
    knex: Knex,
    range: Overview['range'],
    scope: AnalyticsScope,
    counted: Counted
  ): Promise<Overview> => {
    const activation = await activationCounts(strapi, knex, scope);
    const { setup, currency } = await setupOf(knex, scope);
    const totals = new Map(
      counted.attributedRevenue.map((money) => [money.currency, money.amount])
    );
    return {
      range,
      setup,
      currency,
      kpis: {
        clicks: counted.clicks,
        uniqueClicks: counted.uniqueClicks,
        referrals: counted.referrals,
        customers: counted.customers,
        convertedReferrals: counted.convertedReferrals,
        conversionRateBps: conversionRateBps(counted.convertedReferrals, counted.referrals),
        clickToCustomerBps: clickToCustomerBps(counted.customers, counted.uniqueClicks),
        attributedRevenue: counted.attributedRevenue,
        commissions: counted.commissions,
        deals: counted.deals,
        activation: {
          joined: activation.joined,
          activated: activation.activated,
          rateBps: shareBps(activation.activated, activation.joined),
          cohorts: activation.cohorts.map((cohort) => ({
            ...cohort,
            rateBps: shareBps(cohort.activated, cohort.joined),
          })),
        },
      },
      series: counted.series,
      revenueSeries: counted.revenueSeries,
      topPartners: counted.topPartners,
      contribution: counted.topPartners.flatMap((partner) =>
        partner.revenue.map((money) => ({
          documentId: partner.documentId,
          name: partner.name,
          currency: money.currency,
          shareBps: shareBps(money.amount, totals.get(money.currency) ?? 0),
        }))
      ),
    };
  };

  /** Names and document ids of partners, by id. */
  const partnerNames = async (knex: Knex, ids: number[]) => {
    const names: Row[] = await knex(tableOf(strapi, uid('partner')))
      .select('id', 'document_id', 'name')
      .whereIn('id', ids);
    return (id: number) => {
      const partner = names.find((row) => toInt(row.id) === id);
      return { documentId: String(partner?.document_id ?? ''), name: String(partner?.name ?? '') };
    };
  };

  /** Everything counted over the raw tables (the reference the rollups must equal). */
  const countRaw: Count = async (knex, scope, range) => {
    const { from, to, interval } = range;
    const revenue = paidOrders(knex, scope);
    const commissions = accruedCommissions(knex, scope);
    // One after the other: SQLite runs a transaction on a single connection anyway.
    const clicks: Row[] = await clickSeries(knex, scope, interval);
    const referrals: Row[] = await referralSeries(knex, scope, interval, 'created_at');
    const customers: Row[] = await referralSeries(knex, scope, interval, 'converted_at');
    const paidDay = dateBucket(knex, dialect(), 'o.paid_at', interval);
    const revenueRows: Row[] = await revenue.query
      .select({ bucket: paidDay.select, currency: 'o.currency', amount: netRevenue(knex) })
      .groupBy(paidDay.groupBy)
      .groupBy('o.currency');
    const commissionRows: Row[] = await commissions.query
      .select({ state: 'k.state', currency: 'k.currency' })
      .sum({ amount: 'k.amount' })
      .groupBy('k.state', 'k.currency');
    const topPartners = await topPartnersRaw(knex, scope);
    const deals = (await dealTotals(strapi, knex, scope)).get('all') ?? [];

    const sum = (rows: Row[], key: string) =>
      rows.reduce((total, row) => total + toInt(row[key]), 0);
    const byBucket = (rows: Row[], bucket: string, key: string) =>
      toInt(rows.find((row) => row.bucket === bucket)?.[key]);
    const totals = new Map<string, number>();
    for (const row of revenueRows) {
      const currency = String(row.currency);
      totals.set(currency, (totals.get(currency) ?? 0) + toInt(row.amount));
    }
    return {
      clicks: sum(clicks, 'clicks'),
      uniqueClicks: sum(clicks, 'uniqueClicks'),
      referrals: sum(referrals, 'count'),
      customers: sum(customers, 'count'),
      convertedReferrals: sum(referrals, 'converted'),
      attributedRevenue: [...totals.entries()]
        .map(([currency, amount]) => ({ amount, currency }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
      commissions: {
        pending: moneyOf(commissionRows.filter((row) => row.state === 'pending')),
        approved: moneyOf(commissionRows.filter((row) => row.state === 'approved')),
        paid: moneyOf(commissionRows.filter((row) => row.state === 'paid')),
      },
      deals,
      series: bucketsOf(from, to, interval).map((date) => ({
        date,
        clicks: byBucket(clicks, date, 'clicks'),
        referrals: byBucket(referrals, date, 'count'),
        customers: byBucket(customers, date, 'count'),
      })),
      revenueSeries: revenueRows
        .map((row) => ({
          date: String(row.bucket),
          currency: String(row.currency),
          amount: toInt(row.amount),
        }))
        .sort((a, b) => a.date.localeCompare(b.date) || a.currency.localeCompare(b.currency)),
      topPartners,
    };
  };

  /** Everything read from the rollups (closed days) and live (today). */
  const countRolledUp: Count = async (knex, scope, range) => {
    const { from, to, interval } = range;
    const byDay = await readMeasures(strapi, knex, scope, scope, 'day');
    // Top partners: ranked on the rows with paid orders only, then their details.
    const ranked = await readMeasures(strapi, knex, scope, scope, 'partner', {
      measures: ['orders'],
    });
    const bucketOf = (day: string) => (interval === 'day' ? day : `${day.slice(0, 7)}-01`);
    const of = (rows: MeasureRow[], key: string) => rows.filter((row) => row.key === key);

    const revenueSeries = new Map<
      string,
      { date: string; currency: string; amount: number; orders: number }
    >();
    for (const row of byDay) {
      if (row.currency === '' || row.values.orders === 0) continue;
      const date = bucketOf(row.key);
      const id = `${date} ${row.currency}`;
      const entry = revenueSeries.get(id) ?? { date, currency: row.currency, amount: 0, orders: 0 };
      entry.amount += row.values.revenue;
      revenueSeries.set(id, entry);
    }
    const series = bucketsOf(from, to, interval).map((date) => {
      const rows = byDay.filter((row) => bucketOf(row.key) === date);
      return {
        date,
        clicks: total(rows, 'clicks'),
        referrals: total(rows, 'referrals'),
        customers: total(rows, 'customers'),
      };
    });

    const ordersOf = new Map<number, number>();
    for (const row of ranked) {
      const id = Number(row.key);
      if (row.values.orders > 0) ordersOf.set(id, (ordersOf.get(id) ?? 0) + row.values.orders);
    }
    const ids = [...ordersOf.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, TOP_PARTNERS)
      .map(([id]) => id);
    const nameOf = ids.length > 0 ? await partnerNames(knex, ids) : null;
    const byPartner =
      ids.length > 0
        ? await readMeasures(strapi, knex, scope, scope, 'partner', { partnerIds: ids })
        : [];

    return {
      clicks: total(byDay, 'clicks'),
      uniqueClicks: total(byDay, 'uniqueClicks'),
      referrals: total(byDay, 'referrals'),
      customers: total(byDay, 'customers'),
      convertedReferrals: total(byDay, 'convertedReferrals'),
      attributedRevenue: revenueOf(byDay),
      commissions: {
        pending: commissionsOf(byDay, ['pending']),
        approved: commissionsOf(byDay, ['approved']),
        paid: commissionsOf(byDay, ['paid']),
      },
      deals: dealsOf(byDay),
      series,
      revenueSeries: [...revenueSeries.values()]
        .map(({ date, currency, amount }) => ({ date, currency, amount }))
        .sort((a, b) => a.date.localeCompare(b.date) || a.currency.localeCompare(b.currency)),
      topPartners: ids.map((id) => {
        const rows = of(byPartner, String(id));
        return {
          ...nameOf!(id),
          revenue: revenueOf(rows),
          customers: total(rows, 'customers'),
          commissions: commissionsOf(rows, ACCRUED),
          deals: dealsOf(rows),
        };
      }),
    };
  };

  const serve = async (query: OverviewQuery, count: Count) => {
    const { from, to, scope } = await resolveScope(query);
    const range = { from, to, interval: query.interval };
    return withKnex(strapi, async (knex) =>
      assemble(knex, range, scope, await count(knex, scope, range))
    );
  };

  return {
    /**
     * The overview from the daily rollups (closed days, brought up to date first) and the raw
     * tables for today: the same numbers as `recount`, at a cost that grows with days, not rows.
     */
    async overview(query: OverviewQuery): Promise<Overview> {
      await getService('rollups', { strapi }).refresh();
      return serve(query, countRolledUp);
    },

    /** The overview counted over the raw tables only (the reference; slow on large tables). */
    recount: (query: OverviewQuery): Promise<Overview> => serve(query, countRaw),
  };
};

export type OverviewService = ReturnType<typeof createOverviewService>;
export default createOverviewService;
