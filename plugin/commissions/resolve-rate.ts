import type { Rate } from '../contracts/rules';
import type { EngineEnrollment, EngineProgram } from './types';
import type { TierSelection } from './select-tier';

export const RATE_SOURCES = [
  'enrollment-override',
  'tier-product-rate',
  'program-product-rate',
  'tier-commission',
  'program-commission',
] as const;
export type RateSource = (typeof RATE_SOURCES)[number];

export interface ResolvedRate {
  rate: Rate;
  source: RateSource;
  /** Names the rule for the explanation: "your personal rate", "Gold tier rate", ... */
  label: string;
}

/**
 * SPEC §5.3, most specific first: enrollment override → the tier's product rate → the program's
 * product rate → the tier's commission → the program's commission. `product` is null for an
 * order without line items, which can only match the non-product rules.
 */
export function resolveRate(
  program: Pick<EngineProgram, 'commission' | 'productRates'>,
  enrollment: Pick<EngineEnrollment, 'commissionOverride'> | null,
  selection: Pick<TierSelection, 'tier' | 'label'>,
  product: string | null
): ResolvedRate {
  if (enrollment?.commissionOverride) {
    return {
      rate: enrollment.commissionOverride,
      source: 'enrollment-override',
      label: 'your personal rate',
    };
  }
  const { tier, label: tierLabel } = selection;
  if (product !== null) {
    const tierRate = tier?.productRates?.find((entry) => entry.product === product);
    if (tierRate) {
      return {
        rate: tierRate.commission,
        source: 'tier-product-rate',
        label: `${tierLabel} rate for ${product}`,
      };
    }
    const programRate = program.productRates?.find((entry) => entry.product === product);
    if (programRate) {
      return {
        rate: programRate.commission,
        source: 'program-product-rate',
        label: `program rate for ${product}`,
      };
    }
  }
  if (tier) return { rate: tier.commission, source: 'tier-commission', label: `${tierLabel} rate` };
  return { rate: program.commission, source: 'program-commission', label: 'program rate' };
}
