import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Money, OverviewQuery } from '../../../plugin/contracts/admin';
import { PAID_ORDER_STATUSES } from '../../../plugin/orders';
import { dealTotals } from './deals';
import { ACCRUED, TOP_PARTNERS, partnerNames, type Count } from './overview-counted';
import { scopedClicks, scopedRows, toInt, type AnalyticsScope } from './scope';
import { bucketsOf, dateBucket, sqlDialectOf } from './sql-dates';

type Row = Record<string, unknown>;
const moneyOf = (rows: Row[], amount = 'amount'): Money[] =>
  rows
    .map((row) => ({ amount: toInt(row[amount]), currency: String(row.currency) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));

/**
 * The overview's numbers counted over the raw tables: the reference the rollups must equal
 * (tests/api/rollups.test.ts), slow on large tables. Every number is an SQL aggregate; rows never
 * come into JavaScript, only one row per bucket, currency or partner does.
 */
export const recountOver = (strapi: Core.Strapi): Count => {
  const dialect = () => sqlDialectOf(strapi.db.dialect.client);

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
    const nameOf = await partnerNames(strapi, knex, ids);
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

  /** Everything counted over the raw tables (the reference the rollups must equal). */
  return async (knex, scope, range) => {
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
};
