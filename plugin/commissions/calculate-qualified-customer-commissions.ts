import { calculateBountyCommissions } from './calculate-bounty-commissions';
import { isReferralQualified, type QualificationFacts } from './is-referral-qualified';
import type { BountyCommissionInput, CommissionResult } from './types';

/**
 * SPEC §5.1, `qualified-customer`: one bounty once the referred customer has stayed active for
 * `qualificationDays`. Not-yet-qualified referrals come back as ineligible with the reason; the
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
  return calculateBountyCommissions(input, {
    trigger: 'qualified-customer',
    earnedAt: verdict.qualifiedAt,
    occurredAt: convertedAt,
    occurrence: 'conversion',
    steps: [verdict.step],
  });
}
