import type { Core } from '@strapi/strapi';
import type { DealTotals } from '../../../plugin/contracts/admin';
import { DEAL_STATUSES } from '../../../plugin/model';
import { ACCRUED, TOP_PARTNERS, partnerNames, type Count } from './overview-counted';
import { commissionAmount, commissionCount, dealCount, dealValue } from './rollup-columns';
import {
  moneyByCurrency,
  readLive,
  readMeasures,
  readRolled,
  total,
  type MeasureRow,
} from './rollup-reads';
import { bucketsOf } from './sql-dates';

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
 * The overview's numbers read from the rollups (closed days) and live from the raw tables
 * (today): the same numbers as the recount, at a cost that grows with days, not rows.
 */
export const rolledUpCount =
  (strapi: Core.Strapi): Count =>
  async (knex, scope, range) => {
    const { from, to, interval } = range;
    const byDay = await readMeasures(strapi, knex, scope, scope, 'day');
    // Top partners: ranked by their paid orders (the rolled-up rows that have some, and today's
    // orders alone), then the details of the ten (their rows only).
    const ranking = { measures: ['orders'] };
    const ranked = [
      ...(await readRolled(strapi, knex, scope, scope, 'partner', ranking)),
      ...(await readLive(strapi, knex, scope, scope, 'partner', ranking)),
    ];
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
    const nameOf = ids.length > 0 ? await partnerNames(strapi, knex, ids) : null;
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
