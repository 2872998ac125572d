import { formatLocalDate } from '../time';
import { calculateBountyCommissions } from './calculate-bounty-commissions';
import { ineligibleReason } from './ineligible';
import type { BountyCommissionInput, CommissionResult } from './types';

/** SPEC §5.1, `signup`: one bounty when a referral signs up within the attribution window. */
export function calculateSignupCommissions(input: BountyCommissionInput): CommissionResult {
  const signedUpAt = input.referral.signedUpAt;
  if (signedUpAt === null) {
    return {
      eligible: false,
      ineligibleReason: ineligibleReason('not-signed-up', 'the referral has not signed up'),
    };
  }
  return calculateBountyCommissions(input, {
    trigger: 'signup',
    earnedAt: signedUpAt,
    occurredAt: signedUpAt,
    occurrence: 'signup',
    steps: [
      `Referral ${input.referral.id} signed up on ${formatLocalDate(signedUpAt, input.program.timezone ?? 'UTC')}`,
    ],
  });
}
