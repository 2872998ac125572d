import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { StatsQuery, StatsResponse } from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import { statsBuckets, type StatsBucket } from '../../../plugin/portal/stats-buckets';
import { tableOf, withKnex } from '../platform/database';
import type { RawRow } from '../platform/rows';
import type { PortalPartner } from '../portal/is-partner';
import { createPortalScope } from '../portal/scope';

const CLICK = uid('click');

/**
 * `sum(case when <column> in bucket i then 1 else 0 end) as b<i>` for every bucket: one query
 * per metric, in SQL every supported database runs the same way.
 */
const bucketSums = (knex: Knex, column: string, buckets: readonly StatsBucket[]) =>
  buckets.map((bucket, index) =>
    knex.raw(`sum(case when ?? >= ? and ?? < ? then 1 else 0 end) as ??`, [
      column,
      new Date(bucket.startsAt),
      column,
      new Date(bucket.endsAt),
      `b${index}`,
    ])
  );

const readBuckets = (row: Record<string, unknown> | undefined, count: number) =>
  Array.from({ length: count }, (_, index) => Number(row?.[`b${index}`] ?? 0));

/**
 * The portal's numbers (SPEC §8): clicks (bots never count), referrals, sign-ups and paying
 * customers per day or week of the range, and the pending and the approved earnings not paid yet
 * (all time), computed by SQL aggregation over the signed-in partner's rows only.
 */
const createPartnerStatsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  /** Rows of `name` (as `t`) of the given partner, and program when given (plain id columns). */
  const owned = (
    knex: Knex,
    name: 'referral' | 'commission',
    partnerId: number,
    programId: number | undefined
  ) => {
    const query = knex(`${tableOf(strapi, uid(name))} as t`).where('t.partner_id', partnerId);
    if (programId !== undefined) query.where('t.program_id', programId);
    return query;
  };

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

      return withKnex(strapi, async (knex) => {
        const clicksQuery = knex(tableOf(strapi, CLICK))
          .where('partner_id', partner.id)
          .where('is_bot', false)
          .where('created_at', '>=', from)
          .where('created_at', '<', to)
          .select(bucketSums(knex, 'created_at', buckets));
        if (programId !== undefined) clicksQuery.where('program_id', programId);
        const [clickRow] = await clicksQuery;

        const [referralRow] = await owned(knex, 'referral', partner.id, programId)
          .where('t.created_at', '>=', from)
          .where('t.created_at', '<', to)
          .select(bucketSums(knex, 't.created_at', buckets));

        const [signUpRow] = await owned(knex, 'referral', partner.id, programId)
          .where('t.signed_up_at', '>=', from)
          .where('t.signed_up_at', '<', to)
          .select(bucketSums(knex, 't.signed_up_at', buckets));

        const [customerRow] = await owned(knex, 'referral', partner.id, programId)
          .where('t.converted_at', '>=', from)
          .where('t.converted_at', '<', to)
          .select(bucketSums(knex, 't.converted_at', buckets));

        const unpaid = (await owned(knex, 'commission', partner.id, programId)
          .whereIn('t.state', ['pending', 'approved'])
          .groupBy('t.state', 't.currency')
          .orderBy('t.currency')
          .select({ state: 't.state', currency: 't.currency' })
          .sum({ amount: 't.amount' })) as RawRow[];
        const earnings = (state: 'pending' | 'approved') =>
          unpaid
            .filter((row) => row.state === state)
            .map((row) => ({ amount: Number(row.amount ?? 0), currency: String(row.currency) }))
            .filter((money) => money.amount !== 0);

        const clicks = readBuckets(clickRow, buckets.length);
        const referrals = readBuckets(referralRow, buckets.length);
        const signUps = readBuckets(signUpRow, buckets.length);
        const customers = readBuckets(customerRow, buckets.length);
        const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
        return {
          range: query.range,
          interval,
          totals: {
            clicks: total(clicks),
            referrals: total(referrals),
            signUps: total(signUps),
            customers: total(customers),
            pendingEarnings: earnings('pending'),
            approvedEarnings: earnings('approved'),
          },
          series: buckets.map((bucket, index) => ({
            start: bucket.start,
            clicks: clicks[index],
            referrals: referrals[index],
            signUps: signUps[index],
            customers: customers[index],
          })),
        };
      });
    },
  };
};

export type PartnerStatsService = ReturnType<typeof createPartnerStatsService>;
export default createPartnerStatsService;
