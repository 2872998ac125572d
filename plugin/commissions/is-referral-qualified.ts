import { addDays, formatLocalDate, toEpochMs, type Instant } from '../time';
import { ineligibleReason } from './ineligible';
import type { EngineOrderItem, EngineProgram, EngineReferral, EntityId } from './types';

export interface QualificationFacts {
  /** When the check runs (the job's tick). */
  asOf: Instant;
  /** Totals over the customer's paid orders in the program, for "not fully refunded". */
  paidAmount: number;
  refundedAmount: number;
  /**
   * The customer's latest paid (not fully refunded) order up to the qualification moment: its
   * products choose the bounty when the program has product rates. Null or absent: one flat bounty.
   */
  latestOrder?: QualifyingOrder | null;
}

export interface QualifyingOrder {
  id: EntityId;
  externalId?: string | null;
  amount: number;
  items: readonly EngineOrderItem[] | null;
  paidAt: Instant;
}

export type Qualification =
  | { qualified: true; qualifiedAt: string; step: string }
  | {
      qualified: false;
      ineligibleReason: string;
      /** When to look again (the end of the qualification period), or null when it never will. */
      recheckAt: string | null;
    };

/**
 * SPEC §5.1, `qualified-customer`: the referred customer converted, then stayed active (no churn,
 * not fully refunded) for `qualificationDays`. The qualification moment is `convertedAt +
 * qualificationDays`, not the time of the check, so a late or repeated job reaches the same answer.
 * A churn after that moment does not undo the qualification.
 */
export function isReferralQualified(
  referral: Pick<EngineReferral, 'state' | 'convertedAt' | 'churnedAt'>,
  program: Pick<EngineProgram, 'qualificationDays' | 'timezone'>,
  facts: QualificationFacts
): Qualification {
  const day = (instant: Instant) => formatLocalDate(instant, program.timezone ?? 'UTC');
  const never = (sentence: string): Qualification => ({
    qualified: false,
    ineligibleReason: ineligibleReason('not-qualified', sentence),
    recheckAt: null,
  });
  if (
    referral.convertedAt === null ||
    referral.state === 'lead' ||
    referral.state === 'signed-up'
  ) {
    return never('the referral has not become a paying customer');
  }
  if (referral.state === 'rejected') return never('the referral was rejected');
  const qualifiesAt = addDays(referral.convertedAt, program.qualificationDays);
  if (referral.churnedAt !== null && toEpochMs(referral.churnedAt) <= toEpochMs(qualifiesAt)) {
    return never(
      `the customer churned on ${day(referral.churnedAt)}, before staying ${program.qualificationDays} days`
    );
  }
  if (referral.state === 'churned' && referral.churnedAt === null) {
    return never('the customer churned');
  }
  if (facts.paidAmount > 0 && facts.refundedAmount >= facts.paidAmount) {
    return never('every payment of the customer was refunded');
  }
  if (toEpochMs(facts.asOf) < toEpochMs(qualifiesAt)) {
    return {
      qualified: false,
      ineligibleReason: ineligibleReason(
        'not-qualified',
        `the customer qualifies on ${day(qualifiesAt)} if still active`
      ),
      recheckAt: qualifiesAt,
    };
  }
  return {
    qualified: true,
    qualifiedAt: qualifiesAt,
    step: `The customer converted on ${day(referral.convertedAt)} and stayed active for ${program.qualificationDays} days (qualified on ${day(qualifiesAt)})`,
  };
}
