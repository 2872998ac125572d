import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { DealTotals, Money, Overview } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { tableOf } from '../platform/database';
import { toInt, type AnalyticsScope } from './scope';

/** The ledger totals the overview shows (SPEC §9: commissions accrued). */
export const ACCRUED = ['pending', 'approved', 'paid'] as const;
export const TOP_PARTNERS = 10;

/** What differs between the two ways of counting; the rest of the overview is shared. */
export interface Counted {
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

export type Count = (
  knex: Knex,
  scope: AnalyticsScope,
  range: Overview['range']
) => Promise<Counted>;

/** Names and document ids of partners, by id. */
export const partnerNames = async (strapi: Core.Strapi, knex: Knex, ids: number[]) => {
  const names: Record<string, unknown>[] = await knex(tableOf(strapi, uid('partner')))
    .select('id', 'document_id', 'name')
    .whereIn('id', ids);
  return (id: number) => {
    const partner = names.find((row) => toInt(row.id) === id);
    return { documentId: String(partner?.document_id ?? ''), name: String(partner?.name ?? '') };
  };
};
