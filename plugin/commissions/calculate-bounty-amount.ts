import { formatMoney } from '../currency';
import {
  calculateLevelOneAmount,
  type EarningLine,
  type LevelOneAmount,
} from './calculate-level-one-amount';
import { describeRate } from './explanation-text';
import { ineligibleReason } from './ineligible';
import { resolveRate } from './resolve-rate';
import type { TierSelection } from './select-tier';
import type { EngineEnrollment, EngineProgram } from './types';

export type BountyAmount =
  { payable: true; amount: LevelOneAmount } | { payable: false; reason: string };

const PRODUCT_SOURCES = new Set(['tier-product-rate', 'program-product-rate']);

/**
 * What one bounty pays (SPEC §5.1, §5.3). A qualified customer's bounty may depend on its plan:
 * the lines of its latest paid order that have a product rate (the tier's, then the program's)
 * earn that rate, and lines without one earn nothing beside them, so an add-on never adds a
 * second bounty. Without such lines (no order, no rated product, a signup, or a personal rate),
 * the bounty is one flat amount: the personal rate, the tier's commission or the program's.
 */
export function calculateBountyAmount(
  program: Pick<EngineProgram, 'commission' | 'productRates' | 'currency'>,
  enrollment: Pick<EngineEnrollment, 'commissionOverride'> | null,
  selection: Pick<TierSelection, 'tier' | 'label'>,
  lines: readonly EarningLine[] | null,
  noun: string
): BountyAmount {
  const rated = (lines ?? []).filter((line) =>
    PRODUCT_SOURCES.has(resolveRate(program, enrollment, selection, line.product).source)
  );
  if (rated.length > 0) {
    return {
      payable: true,
      amount: calculateLevelOneAmount(program, enrollment, selection, rated, program.currency),
    };
  }
  const { rate, label } = resolveRate(program, enrollment, selection, null);
  if (rate.type !== 'flat') {
    return {
      payable: false,
      reason: ineligibleReason(
        'rate-not-flat',
        `a ${noun} bounty needs a flat amount, and the ${label} is ${describeRate(rate, program.currency)}`
      ),
    };
  }
  const money = formatMoney(rate.amount, program.currency);
  return {
    payable: true,
    amount: {
      amount: rate.amount,
      basisAmount: 0,
      rate,
      headline: `${money} flat`,
      steps: [`${money} per ${noun} (${label})`],
    },
  };
}
