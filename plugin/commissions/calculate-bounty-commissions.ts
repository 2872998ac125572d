import { formatMoney } from '../currency';
import type { Instant } from '../time';
import { assembleDrafts } from './assemble-drafts';
import { calculateSecondTierCommission } from './calculate-second-tier-commission';
import { checkAttributionWindow } from './check-attribution-window';
import { checkParticipation } from './check-participation';
import { describeRate } from './explanation-text';
import { referralCommissionKey } from './idempotency-keys';
import { ineligibleReason } from './ineligible';
import { isSelfReferral } from './is-self-referral';
import { resolveRate } from './resolve-rate';
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
}

const refuse = (reason: string): CommissionResult => ({
  eligible: false,
  ineligibleReason: reason,
});

/**
 * The shared half of the signup and qualified-customer bounties (SPEC §5.1): one flat amount per
 * referral, chosen by the same precedence as sales minus the product rules (there is no product),
 * and the recruiter's share of it in a two-tier program.
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
  const excludeSelf = program.eligibility?.excludeSelfReferral ?? true;
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
  const { rate, label } = resolveRate(program, enrollment, selection, null);
  if (rate.type !== 'flat') {
    return refuse(
      ineligibleReason(
        'rate-not-flat',
        `a ${noun} bounty needs a flat amount, and the ${label} is ${describeRate(rate, program.currency)}`
      )
    );
  }
  const money = formatMoney(rate.amount, program.currency);
  const levelTwo = calculateSecondTierCommission({
    program,
    partner,
    parent: input.parent,
    customerEmail: referral.email,
    saleAmount: 0,
    levelOneAmount: rate.amount,
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
      amount: rate.amount,
      basisAmount: 0,
      rate,
      headline: `${money} flat`,
      steps: [...(selection.step ? [selection.step] : []), `${money} per ${noun} (${label})`],
    },
    levelTwo,
  });
  return { eligible: true, drafts };
}
