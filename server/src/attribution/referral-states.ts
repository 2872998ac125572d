import type { Core } from '@strapi/strapi';
import type { CustomerStatusInput } from '../../../plugin/contracts/orders';
import type { TrackSignupInput } from '../../../plugin/contracts/tracking';
import { uid, type ReferralStatus } from '../../../plugin/model';
import { moneyTransaction, tableOf, withKnex } from '../platform/database';
import { getService } from '../platform/plugin-context';
import type { RawRow } from '../platform/rows';
import { toReferralRecord } from './referral-record';

const REFERRAL = uid('referral');

/** A contact's name as first and last name (the first word, and the rest). */
export const splitName = (name?: string | null) => {
  const [firstName, ...rest] = (name ?? '').trim().split(/\s+/);
  return { firstName: firstName || null, lastName: rest.join(' ') || null };
};

/** A customer's referral as a status report moves it (`select: ['id', 'state', 'programId']`). */
interface ReportedReferral {
  id: number;
  state: ReferralStatus;
  programId: number;
}

const toReportedReferral = (row: RawRow): ReportedReferral => ({
  id: Number(row.id),
  state: row.state as ReferralStatus,
  programId: Number(row.programId),
});

/**
 * A referral's moves after it is made (SPEC §6): it signs up, converts on a paid order, earns a
 * qualified-customer bounty, and churns or comes back as the site reports.
 */
export const createReferralStates = (strapi: Core.Strapi) => ({
  /**
   * The referral signs up (lead → signed-up) once; a customer who signs up later keeps its
   * state. Names and visitor id only fill empty fields: the endpoint is public, and a stranger
   * must not be able to rename someone else's referral. Rejected referrals stay as they are.
   */
  async markSignedUp(referralId: number, signup: TrackSignupInput, at: string) {
    const row: RawRow | null = await strapi.db
      .query(REFERRAL)
      .findOne({ where: { id: referralId } });
    const referral = row ? toReferralRecord(row) : null;
    if (!referral || referral.state === 'rejected') return false;
    if (referral.signedUpAt) return true;
    const name = splitName(signup.name);
    await strapi.db.query(REFERRAL).updateMany({
      where: { id: referralId, signedUpAt: { $null: true } },
      data: {
        signedUpAt: at,
        ...(referral.state === 'lead' ? { state: 'signed-up' } : {}),
        ...(!referral.firstName && !referral.lastName ? name : {}),
        ...(!referral.visitorId && signup.visitorId ? { visitorId: signup.visitorId } : {}),
      },
    });
    return true;
  },

  /** A paid order makes its referral a customer (and a churned one active again). */
  markConverted: (referralId: number, paidAt: string) =>
    // One statement: rejected referrals and converted customers stay as they are; a first
    // conversion keeps the earliest date.
    withKnex(strapi, (knex) =>
      knex(tableOf(strapi, REFERRAL))
        .where('id', referralId)
        .whereNot('state', 'rejected')
        .whereNot((query) => query.where('state', 'customer').whereNotNull('converted_at'))
        .update({
          state: 'customer',
          converted_at: knex.raw('coalesce(converted_at, ?)', [new Date(paidAt)]),
          churned_at: null,
          updated_at: new Date(),
        })
    ),

  /** A qualified-customer bounty was granted for this referral (SPEC §5.1). */
  markQualified: (referralId: number, at: string) =>
    strapi.db.query(REFERRAL).update({ where: { id: referralId }, data: { qualifiedAt: at } }),

  /** `POST /customers/:externalId/status`: the site says a customer is active or churned. */
  setCustomerStatus: (externalId: string, input: CustomerStatusInput) =>
    moneyTransaction(strapi, async () => {
      const rows: RawRow[] = await strapi.db.query(REFERRAL).findMany({
        where: { externalId, state: { $in: ['customer', 'churned'] } },
        select: ['id', 'state', 'programId'],
      });
      const referrals = rows.map(toReportedReferral);
      // Most customers were not referred: that is an answer, not an error.
      if (referrals.length === 0) return { externalId, status: input.status, referrals: 0 };
      const now = new Date().toISOString();
      const at = input.at ?? now;
      const data =
        input.status === 'churned'
          ? { state: 'churned', churnedAt: at }
          : { state: 'customer', churnedAt: null };
      await strapi.db.query(REFERRAL).updateMany({
        where: { id: { $in: referrals.map((referral) => referral.id) } },
        data,
      });
      // Only a new churn takes commissions back: a repeated report changes nothing more.
      const churned = referrals.filter((referral) => referral.state === 'customer');
      if (input.status === 'churned' && churned.length > 0) {
        await getService('churn-reversals', { strapi }).reverseHeld(
          churned.map((referral) => ({ id: referral.id, programId: referral.programId })),
          at,
          now
        );
      }
      return { externalId, status: input.status, referrals: referrals.length };
    }),
});

export type ReferralStates = ReturnType<typeof createReferralStates>;
