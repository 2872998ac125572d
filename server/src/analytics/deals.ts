import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { DealTotals } from '../../../plugin/contracts/admin';
import { scopedRows, toInt, type AnalyticsScope } from './scope';

type Row = Record<string, unknown>;

/**
 * Deals registered (created) in the scope's range, by state: how many, and their estimated
 * value per currency (deals without a value count, and add nothing). One row per partner, state
 * and currency comes back from the database; `partnerIds` narrows it to those partners.
 */
export const dealTotals = async (
  strapi: Core.Strapi,
  knex: Knex,
  scope: AnalyticsScope,
  partnerIds?: number[]
): Promise<Map<number | 'all', DealTotals>> => {
  const { query, partnerColumn } = scopedRows(strapi, knex, 'deal', 'd', scope);
  query.where('d.created_at', '>=', scope.start).where('d.created_at', '<', scope.end);
  if (partnerIds) query.whereIn(partnerColumn, partnerIds);
  const rows: Row[] = await query
    .select({ partnerId: partnerColumn, state: 'd.state', currency: 'd.currency' })
    .count({ count: '*' })
    .sum({ amount: 'd.estimated_value' })
    .groupBy(partnerColumn, 'd.state', 'd.currency');

  const totals = new Map<number | 'all', DealTotals>();
  for (const row of rows) {
    for (const key of [toInt(row.partnerId), 'all'] as const) {
      const list = totals.get(key) ?? [];
      const state = String(row.state);
      let entry = list.find((item) => item.state === state);
      if (!entry) list.push((entry = { state, count: 0, value: [] }));
      entry.count += toInt(row.count);
      if (row.currency != null && row.amount != null) {
        const currency = String(row.currency);
        const money = entry.value.find((item) => item.currency === currency);
        if (money) money.amount += toInt(row.amount);
        else entry.value.push({ currency, amount: toInt(row.amount) });
      }
      totals.set(key, list);
    }
  }
  for (const list of totals.values()) {
    list.sort((a, b) => a.state.localeCompare(b.state));
    for (const entry of list) entry.value.sort((a, b) => a.currency.localeCompare(b.currency));
  }
  return totals;
};
