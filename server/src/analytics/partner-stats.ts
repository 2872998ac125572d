import type { Core } from '@strapi/strapi';
import type { StatsQuery, StatsResponse } from '../../../plugin/contracts/portal';
import { statsBuckets } from '../../../plugin/portal/stats-buckets';
import { withKnex } from '../platform/database';
import { getService } from '../platform/plugin-context';
import type { PortalPartner } from '../portal/is-partner';
import { createPortalScope } from '../portal/scope';
import { commissionAmount, commissionCount } from './rollup-columns';
import { moneyByCurrency, readMeasures, total } from './rollup-reads';

/** Later than any row: the live part of the all-time earnings. */
const FAR_FUTURE = new Date('9999-01-01T00:00:00Z');

/**
 * The portal's numbers (SPEC §8): clicks (bots never count), referrals, sign-ups and paying
 * customers per day or week of the range, and the pending and the approved earnings not paid yet
 * (all time), computed by SQL aggregation over the signed-in partner's rows only.
 */
const createPartnerStatsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  return {
    async stats(
      partner: PortalPartner,
      query: StatsQuery,
      now = new Date()
    ): Promise<StatsResponse['data']> {
      const programId = await scope.programFilter(partner, query.program);
      const { interval, buckets } = statsBuckets(query.range, now);
      const from = new Date(buckets[0].startsAt);
      const to = new Date(buckets[buckets.length - 1].endsAt);

      await getService('rollups', { strapi }).refresh();
      return withKnex(strapi, async (knex) => {
        const filter = { programId: programId ?? null, partnerId: partner.id, tier: null };
        const byDay = await readMeasures(strapi, knex, { start: from, end: to }, filter, 'day');
        // Earnings not paid yet are all time: every rolled-up day and the live rest.
        const allTime = await readMeasures(
          strapi,
          knex,
          { start: new Date(0), end: FAR_FUTURE },
          filter,
          'total'
        );
        const earnings = (state: 'pending' | 'approved') =>
          moneyByCurrency(
            allTime,
            (values) => values[commissionAmount(state)],
            (values) => values[commissionCount(state)]
          ).filter((money) => money.amount !== 0);

        const series = buckets.map((bucket) => {
          const rows = byDay.filter(
            (row) => row.key >= bucket.start && row.key < bucket.endsAt.slice(0, 10)
          );
          return {
            start: bucket.start,
            clicks: total(rows, 'clicks'),
            referrals: total(rows, 'referrals') + total(rows, 'rejectedReferrals'),
            signUps: total(rows, 'signUps'),
            customers: total(rows, 'customers') + total(rows, 'rejectedCustomers'),
          };
        });
        const sum = (key: 'clicks' | 'referrals' | 'signUps' | 'customers') =>
          series.reduce((count, bucket) => count + bucket[key], 0);
        return {
          range: query.range,
          interval,
          totals: {
            clicks: sum('clicks'),
            referrals: sum('referrals'),
            signUps: sum('signUps'),
            customers: sum('customers'),
            pendingEarnings: earnings('pending'),
            approvedEarnings: earnings('approved'),
          },
          series,
        };
      });
    },
  };
};

export type PartnerStatsService = ReturnType<typeof createPartnerStatsService>;
export default createPartnerStatsService;
