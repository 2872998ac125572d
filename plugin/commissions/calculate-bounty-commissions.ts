import type { Instant } from '../time';
import { assembleDrafts } from './assemble-drafts';
import { calculateBountyAmount } from './calculate-bounty-amount';
import type { EarningLine } from './calculate-level-one-amount';
import { calculateSecondTierCommission } from './calculate-second-tier-commission';
import { checkAttributionWindow } from './check-attribution-window';
import { checkParticipation } from './check-participation';
import { referralCommissionKey } from './idempotency-keys';
import { ineligibleReason } from './ineligible';
import { isSelfReferral } from './is-self-referral';
import { selectTier } from './select-tier';
import type { BountyCommissionInput, CommissionResult } from './types';

export interface BountyEvent {
  trigger: 'signup' | 'qualified-customer';
  /** When the bounty was earned (the hold starts): the signup, or the end of qualification. */
  earnedAt: Instant;
  /**
   * The referral's own event (signup, or conversion): the program's dates and the attribution
   * window apply to it, so a customer referred before a program ended still qualifies after.
   */
  occurredAt: Instant;
  /** Names `occurredAt` in reasons: "signup", "conversion". */
  occurrence: string;
  steps: string[];
  /** The lines whose product rates set the bounty (a qualified customer's latest paid order). */
  lines?: readonly EarningLine[] | null;
}

const refuse = (reason: string): CommissionResult => ({
  eligible: false,
  ineligibleReason: reason,
});

/**
 * The shared half of the signup and qualified-customer bounties (SPEC §5.1): one bounty per
 * referral, chosen by the same precedence as sales (product rates only from `event.lines`, see
 * `calculateBountyAmount`), and the recruiter's share of it in a two-tier program.
 */
export function calculateBountyCommissions(
  input: BountyCommissionInput,
  event: BountyEvent
): CommissionResult {
  const { program, partner, enrollment, referral, facts } = input;
  const noun = event.trigger === 'signup' ? 'signup' : 'qualified customer';
  if (program.trigger !== event.trigger) {
    return refuse(
      ineligibleReason('wrong-trigger', `the program pays on ${program.trigger}, not on a ${noun}`)
    );
  }
  const participation = checkParticipation(
    program,
    partner,
    enrollment,
    event.occurredAt,
    event.occurrence
  );
  if (participation) return refuse(participation);
  // As for sales: a program that watches the self-referral signal lets it decide, visibly.
  const excludeSelf =
    (program.eligibility?.excludeSelfReferral ?? true) &&
    (program.fraudSignals?.selfReferral ?? 'off') === 'off';
  if (excludeSelf && isSelfReferral(partner, referral.email)) {
    return refuse(ineligibleReason('self-referral', 'the referred contact is the partner itself'));
  }
  const window = checkAttributionWindow(
    program,
    facts.attributedAt,
    event.occurredAt,
    event.occurrence
  );
  if (window) return refuse(window);

  const selection = selectTier(
    program.tiers,
    program.tierMetric,
    facts.tierMetricValue,
    program.currency
  );
  const bounty = calculateBountyAmount(program, enrollment, selection, event.lines ?? null, noun);
  if (!bounty.payable) return refuse(bounty.reason);
  const levelOne = bounty.amount;
  const levelTwo = calculateSecondTierCommission({
    program,
    partner,
    parent: input.parent,
    customerEmail: referral.email,
    saleAmount: 0,
    levelOneAmount: levelOne.amount,
  });
  const drafts = assembleDrafts({
    program,
    partnerId: partner.id,
    orderId: null,
    referralId: referral.id,
    kind: event.trigger,
    eventAt: event.earnedAt,
    label: `${noun} bounty`,
    occasion: `referral ${referral.id}`,
    keys: {
      levelOne: referralCommissionKey(referral.id, 1, event.trigger),
      levelTwo: referralCommissionKey(referral.id, 2, event.trigger),
    },
    contextSteps: event.steps,
    levelOne: {
      ...levelOne,
      steps: selection.step ? [selection.step, ...levelOne.steps] : levelOne.steps,
    },
    levelTwo,
  });
  return { eligible: true, drafts };
}
