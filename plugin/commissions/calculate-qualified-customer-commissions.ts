import { formatLocalDate } from '../time';
import { calculateBountyCommissions } from './calculate-bounty-commissions';
import type { EarningLine } from './calculate-level-one-amount';
import { capitalise, describeOrder } from './explanation-text';
import { isReferralQualified, type QualificationFacts } from './is-referral-qualified';
import type { BountyCommissionInput, CommissionResult } from './types';

/**
 * SPEC §5.1, `qualified-customer`: one bounty once the referred customer has stayed active for
 * `qualificationDays`, priced by the plan of its latest paid order when the program has product
 * rates (`calculateBountyAmount`). Not-yet-qualified referrals come back as ineligible with the reason; the
 * job asks again later (see `isReferralQualified().recheckAt`).
 */
export function calculateQualifiedCustomerCommissions(
  input: BountyCommissionInput,
  qualification: QualificationFacts
): CommissionResult {
  const verdict = isReferralQualified(input.referral, input.program, qualification);
  if (!verdict.qualified) return { eligible: false, ineligibleReason: verdict.ineligibleReason };
  // convertedAt is set whenever the referral qualifies.
  const convertedAt = input.referral.convertedAt ?? verdict.qualifiedAt;
  const order = qualification.latestOrder ?? null;
  const lines: EarningLine[] | null = order
    ? order.items && order.items.length > 0
      ? order.items.map(({ product, amount, quantity }) => ({ product, amount, quantity }))
      : [{ product: null, amount: order.amount, quantity: 1 }]
    : null;
  const day = formatLocalDate(order?.paidAt ?? convertedAt, input.program.timezone ?? 'UTC');
  return calculateBountyCommissions(input, {
    trigger: 'qualified-customer',
    earnedAt: verdict.qualifiedAt,
    occurredAt: convertedAt,
    occurrence: 'conversion',
    steps: order
      ? [
          verdict.step,
          `${capitalise(describeOrder(order))}, paid on ${day}, is the plan that counts`,
        ]
      : [verdict.step],
    lines,
  });
}
