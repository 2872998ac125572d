import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { EngineProgram } from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { PAID_ORDER_STATUSES } from '../../../plugin/orders';
import { calendarMonthBounds } from '../../../plugin/time';
import { tableOf, withKnex } from '../platform/database';

const ORDER = uid('order');
const REFERRAL = uid('referral');

/**
 * Numbers computed with SQL aggregation, never by loading rows into JavaScript (SPEC §9):
 * the tier metrics the engine needs, and the totals of a referred customer.
 */
const createAnalyticsService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Orders of one partner in one program, through their plain indexed id columns. */
  const partnerOrders = (knex: Knex, partnerId: number, programId: number) =>
    knex(`${tableOf(strapi, ORDER)} as o`)
      .where('o.partner_id', partnerId)
      .where('o.program_id', programId);

  return {
    /** The partner's value of `program.tierMetric` at `at` (SPEC §5.4), months in the program's zone. */
    async tierMetric(program: EngineProgram, partnerId: number, at: string): Promise<number> {
      const programId = Number(program.id);
      const referrals = strapi.db.query(REFERRAL);
      const month = calendarMonthBounds(at, program.timezone ?? 'UTC');
      switch (program.tierMetric) {
        case 'active-customers':
          return referrals.count({
            where: { partnerId, programId, state: 'customer' },
          });
        case 'active-customers-in-month':
          // Active at some moment of the month up to `at`: converted by then, and not churned
          // before the month began (the same answer however late the job runs). A customer who
          // came back keeps its first conversion and loses its churn date, so it counts in the
          // months it was away too: referrals keep no history of their churns.
          return referrals.count({
            where: {
              partnerId,
              programId,
              state: { $in: ['customer', 'churned'] },
              convertedAt: { $notNull: true, $lte: at },
              $or: [{ churnedAt: { $null: true } }, { churnedAt: { $gte: month.start } }],
            },
          });
        case 'conversions-in-month':
          return referrals.count({
            where: {
              partnerId,
              programId,
              convertedAt: { $gte: month.start, $lt: month.end },
            },
          });
        case 'revenue-in-month':
          return withKnex(strapi, async (knex) => {
            const [row] = await partnerOrders(knex, partnerId, programId)
              .whereIn('o.state', PAID_ORDER_STATUSES)
              .where('o.paid_at', '>=', new Date(month.start))
              .where('o.paid_at', '<', new Date(month.end))
              .sum({ total: 'o.amount' });
            return Number(row?.total ?? 0);
          });
      }
    },

    /** Paid and refunded totals of a referred customer, for "not fully refunded" (SPEC §5.1). */
    async customerTotals(referralId: number) {
      return withKnex(strapi, async (knex) => {
        const [row] = await knex(`${tableOf(strapi, ORDER)} as o`)
          .where('o.referral_id', referralId)
          .whereIn('o.state', PAID_ORDER_STATUSES)
          .whereNotNull('o.paid_at')
          .sum({ paid: 'o.amount', refunded: 'o.refunded_amount' });
        return { paidAmount: Number(row?.paid ?? 0), refundedAmount: Number(row?.refunded ?? 0) };
      });
    },
  };
};

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
export default createAnalyticsService;
