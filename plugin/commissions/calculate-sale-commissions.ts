import { calculateLevelOneAmount } from './calculate-level-one-amount';
import { calculateSecondTierCommission } from './calculate-second-tier-commission';
import { assembleDrafts } from './assemble-drafts';
import { checkSaleEligibility } from './check-sale-eligibility';
import { describeOrder } from './explanation-text';
import { orderCommissionKey } from './idempotency-keys';
import { selectTier } from './select-tier';
import type { CommissionResult, SaleCommissionInput } from './types';

/**
 * SPEC §5 for a paid order: eligibility, tier, rate per line, the recruiter's share, and the
 * drafts to insert (level 1 to the partner, level 2 to its recruiter), each with its explanation.
 * Pure and deterministic: the same input always gives the same drafts and keys.
 */
export function calculateSaleCommissions(input: SaleCommissionInput): CommissionResult {
  const eligibility = checkSaleEligibility(input);
  if (!eligibility.eligible) return eligibility;
  const { program, partner, enrollment, order, facts } = input;

  const selection = selectTier(
    program.tiers,
    program.tierMetric,
    facts.tierMetricValue,
    program.currency
  );
  const levelOne = calculateLevelOneAmount(
    program,
    enrollment,
    selection,
    eligibility.lines,
    program.currency
  );
  const levelTwo = calculateSecondTierCommission({
    program,
    partner,
    parent: input.parent,
    customerEmail: order.customerEmail,
    saleAmount: levelOne.basisAmount,
    levelOneAmount: levelOne.amount,
  });
  const drafts = assembleDrafts({
    program,
    partnerId: partner.id,
    orderId: order.id,
    referralId: order.referralId ?? null,
    kind: eligibility.kind,
    eventAt: eligibility.paidAt,
    label: eligibility.kind === 'sale' ? 'commission' : 'recurring commission',
    occasion: describeOrder(order),
    keys: { levelOne: orderCommissionKey(order.id, 1), levelTwo: orderCommissionKey(order.id, 2) },
    contextSteps: eligibility.steps,
    levelOne: {
      ...levelOne,
      steps: selection.step ? [selection.step, ...levelOne.steps] : levelOne.steps,
    },
    levelTwo,
  });
  return { eligible: true, drafts };
}
