import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { Money, Overview, OverviewQuery } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { PAID_ORDER_STATUSES } from '../../../plugin/orders';
import { clickToCustomerBps, conversionRateBps, shareBps } from '../../../plugin/analytics/rates';
import { scopedRows, scopedClicks, toInt, type AnalyticsScope } from './scope';
import { bucketsOf, dateBucket, sqlDialectOf } from './sql-dates';
import { activationCounts } from './activation';
import { dealTotals } from './deals';
import { tableOf, withKnex } from '../platform/database';

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

  const topPartners = async (knex: Knex, scope: AnalyticsScope) => {
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
    const names: Row[] = await knex(tableOf(strapi, uid('partner')))
      .select('id', 'document_id', 'name')
      .whereIn('id', ids);
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
      const partner = names.find((row) => toInt(row.id) === id);
      return {
        documentId: String(partner?.document_id ?? ''),
        name: String(partner?.name ?? ''),
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

  return {
    async overview(query: OverviewQuery): Promise<Overview> {
      const { from, to, scope } = await resolveScope(query);
      const { interval } = query;
      return withKnex(strapi, async (knex) => {
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
        const top = await topPartners(knex, scope);
        const activation = await activationCounts(strapi, knex, scope);
        const deals = (await dealTotals(strapi, knex, scope)).get('all') ?? [];
        const { setup, currency } = await setupOf(knex, scope);

        const sum = (rows: Row[], key: string) =>
          rows.reduce((total, row) => total + toInt(row[key]), 0);
        const byBucket = (rows: Row[], bucket: string, key: string) =>
          toInt(rows.find((row) => row.bucket === bucket)?.[key]);
        const totals = new Map<string, number>();
        for (const row of revenueRows) {
          const currency = String(row.currency);
          totals.set(currency, (totals.get(currency) ?? 0) + toInt(row.amount));
        }
        const uniqueClicks = sum(clicks, 'uniqueClicks');
        const customerCount = sum(customers, 'count');
        const referralCount = sum(referrals, 'count');
        const convertedReferrals = sum(referrals, 'converted');

        return {
          range: { from, to, interval },
          setup,
          currency,
          kpis: {
            clicks: sum(clicks, 'clicks'),
            uniqueClicks,
            referrals: referralCount,
            customers: customerCount,
            convertedReferrals,
            conversionRateBps: conversionRateBps(convertedReferrals, referralCount),
            clickToCustomerBps: clickToCustomerBps(customerCount, uniqueClicks),
            attributedRevenue: [...totals.entries()]
              .map(([currency, amount]) => ({ amount, currency }))
              .sort((a, b) => a.currency.localeCompare(b.currency)),
            commissions: {
              pending: moneyOf(commissionRows.filter((row) => row.state === 'pending')),
              approved: moneyOf(commissionRows.filter((row) => row.state === 'approved')),
              paid: moneyOf(commissionRows.filter((row) => row.state === 'paid')),
            },
            deals,
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
          topPartners: top,
          contribution: top.flatMap((partner) =>
            partner.revenue.map((money) => ({
              documentId: partner.documentId,
              name: partner.name,
              currency: money.currency,
              shareBps: shareBps(money.amount, totals.get(money.currency) ?? 0),
            }))
          ),
        };
      });
    },
  };
};

export type OverviewService = ReturnType<typeof createOverviewService>;
export default createOverviewService;
