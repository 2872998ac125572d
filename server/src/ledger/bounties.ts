import type { Core } from '@strapi/strapi';
import {
  calculateQualifiedCustomerCommissions,
  calculateSignupCommissions,
  parseEngineProgram,
  type CommissionResult,
  type EngineOrderItem,
  type EnginePartner,
  type EngineProgram,
  type EngineReferral,
  type QualifyingOrder,
  type ReconcileAction,
} from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { PAID_ORDER_STATUSES } from '../../../plugin/orders';
import { addDays } from '../../../plugin/time';
import { isUniqueViolation, moneyTransaction } from '../platform/database';
import { getService } from '../platform/plugin-context';
import { idOrNull, iso, type RawRow } from '../platform/rows';
import { screenDrafts } from './fraud-screening';
import { engineReferral, type EngineInputs } from './engine-inputs';

const ORDER = uid('order');
const PROGRAM = uid('program');
const REFERRAL = uid('referral');

/** A program whose bounty depends on the customer's plan (product rates, its own or a tier's). */
const hasPlanRates = (program: EngineProgram) =>
  Boolean(program.productRates?.length) ||
  Boolean(program.tiers?.some((tier) => tier.productRates?.length));

/** A referral as a bounty reads it: who referred it, the contact, and the engine's view. */
interface BountyReferral {
  id: number;
  partnerId: number | null;
  programId: number;
  customer: { email: string | null; name: string | null };
  createdAt: string | null;
  engine: EngineReferral;
}

const toBountyReferral = (row: RawRow): BountyReferral => ({
  id: Number(row.id),
  partnerId: idOrNull(row.partnerId),
  programId: Number(row.programId),
  customer: {
    email: (row.email as string | null | undefined) ?? null,
    name: [row.firstName, row.lastName].filter(Boolean).join(' ') || null,
  },
  createdAt: iso(row.createdAt),
  engine: engineReferral(row),
});

/** Writes the reconciler's actions for an order (null: a bounty); the ids of the entries made. */
export type ApplyActions = (
  orderId: number | null,
  actions: readonly ReconcileAction[],
  asOf: string
) => Promise<number[]>;

/**
 * Referral bounties (SPEC §5.1): `signup` programs pay when a referral signs up,
 * `qualified-customer` programs when a customer is still active `qualificationDays` after
 * converting. Each is screened like an order (SPEC §10) and written once through `apply`.
 */
export const createBounties = (
  strapi: Core.Strapi,
  { inputs, apply }: { inputs: EngineInputs; apply: ApplyActions }
) => {
  /** The customer's latest paid, not fully refunded order up to `at`: its plan prices a bounty. */
  const latestPaidOrder = async (
    referralId: number,
    at: string
  ): Promise<QualifyingOrder | null> => {
    const found: RawRow | null = await strapi.db.query(ORDER).findOne({
      where: {
        referralId,
        state: { $in: PAID_ORDER_STATUSES.filter((state) => state !== 'refunded') },
        paidAt: { $notNull: true, $lte: at },
      },
      orderBy: [{ paidAt: 'desc' }, { id: 'desc' }],
      select: ['id', 'externalId', 'amount', 'items', 'paidAt'],
    });
    return found
      ? {
          id: Number(found.id),
          externalId: found.externalId as string,
          amount: Number(found.amount),
          items: (found.items as EngineOrderItem[] | null | undefined) ?? null,
          paidAt: iso(found.paidAt) as string,
        }
      : null;
  };

  /** SPEC §10 for a bounty: the referred contact is screened like an order's customer. */
  const screenBounty = async (
    result: CommissionResult,
    program: EngineProgram,
    partner: EnginePartner,
    referral: BountyReferral
  ): Promise<CommissionResult> => {
    if (!result.eligible) return result;
    const drafts = await screenDrafts(strapi, {
      program,
      partner,
      customer: referral.customer,
      attribution: {
        partnerId: Number(referral.partnerId),
        programId: referral.programId,
        referralId: referral.id,
      },
      drafts: result.drafts,
    });
    return { ...result, drafts };
  };

  /**
   * Writes a referral bounty's entries (and the referral's qualified marker) in one
   * transaction; 0 when ineligible or already granted (another node or an earlier call hit the
   * unique key first).
   */
  const writeBounty = async (
    result: CommissionResult,
    now: string,
    qualifiedReferralId?: number
  ) => {
    if (!result.eligible) return 0;
    try {
      await moneyTransaction(strapi, async () => {
        await apply(
          null,
          result.drafts.map((draft) => ({ type: 'create', draft })),
          now
        );
        if (qualifiedReferralId !== undefined) {
          await getService('attribution', { strapi }).markQualified(qualifiedReferralId, now);
        }
      });
      return result.drafts.length;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return 0;
    }
  };

  return {
    /** Job: one bounty per referred customer still active `qualificationDays` after converting. */
    async grantQualifiedBounties(now = new Date().toISOString()) {
      const programs: RawRow[] = await strapi.db.query(PROGRAM).findMany({
        where: { trigger: 'qualified-customer', state: 'active' },
      });
      let granted = 0;
      for (const row of programs) {
        const parsed = parseEngineProgram(row);
        if (!parsed.valid) continue;
        const program = parsed.program;
        const programId = Number(row.id);
        const rows: RawRow[] = await strapi.db.query(REFERRAL).findMany({
          where: {
            programId,
            qualifiedAt: { $null: true },
            state: 'customer',
            convertedAt: { $lte: addDays(now, -program.qualificationDays) },
          },
        });
        for (const referral of rows.map(toBountyReferral)) {
          const { partnerId } = referral;
          const participants = partnerId ? await inputs.participants(partnerId, programId) : null;
          if (!participants || !partnerId) continue;
          const totals = await getService('analytics', { strapi }).customerTotals(referral.id);
          // The tier and the plan are those of the qualification moment, however late the job runs.
          const qualifiesAt = addDays(
            referral.engine.convertedAt as string,
            program.qualificationDays
          );
          const result = calculateQualifiedCustomerCommissions(
            {
              program,
              ...participants,
              referral: referral.engine,
              facts: {
                attributedAt: referral.createdAt,
                tierMetricValue: await inputs.tierMetricValue(program, partnerId, qualifiesAt),
              },
            },
            {
              asOf: now,
              ...totals,
              latestOrder: hasPlanRates(program)
                ? await latestPaidOrder(referral.id, qualifiesAt)
                : null,
            }
          );
          granted += await writeBounty(
            await screenBounty(result, program, participants.partner, referral),
            now,
            referral.id
          );
        }
      }
      return { granted };
    },

    /**
     * SPEC §5.1, `signup` programs: the bounty of a referral that signed up, through the engine.
     * Exactly once: a second call (a replayed signup, another node) meets the unique key.
     */
    async grantSignupBounty(referralId: number, attributedAt: string | null) {
      const row: RawRow | null = await strapi.db
        .query(REFERRAL)
        .findOne({ where: { id: referralId } });
      const referral = row ? toBountyReferral(row) : null;
      const partnerId = referral?.partnerId ?? null;
      const program = referral ? await inputs.program(referral.programId) : null;
      if (!referral || program?.trigger !== 'signup' || !partnerId) {
        return { granted: 0 };
      }
      const parsed = program.engine;
      if (!parsed.valid) return { granted: 0, ineligibleReason: parsed.ineligibleReason };
      const participants = await inputs.participants(partnerId, program.id);
      if (!participants) return { granted: 0 };
      const now = new Date().toISOString();
      const result = calculateSignupCommissions({
        program: parsed.program,
        ...participants,
        referral: referral.engine,
        facts: {
          attributedAt,
          tierMetricValue: await inputs.tierMetricValue(parsed.program, partnerId, now),
        },
      });
      if (!result.eligible) return { granted: 0, ineligibleReason: result.ineligibleReason };
      return {
        granted: await writeBounty(
          await screenBounty(result, parsed.program, participants.partner, referral),
          now
        ),
      };
    },
  };
};
