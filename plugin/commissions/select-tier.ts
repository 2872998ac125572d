import type { Tier } from '../contracts/rules';
import type { TierMetric } from '../model';
import { describeMetric, describeThreshold } from './explanation-text';

export interface TierSelection {
  /** The applied tier, or null when the partner is below every threshold (program rates apply). */
  tier: Tier | null;
  /** "Gold tier" or "Tier 2" (tiers are numbered by threshold when unnamed). */
  label: string | null;
  /** The explanation step, or null for a program without tiers. */
  step: string | null;
}

/** SPEC §5.4: the highest tier whose threshold is at or below the partner's metric. */
export function selectTier(
  tiers: readonly Tier[] | null,
  metric: TierMetric,
  metricValue: number,
  currency: string
): TierSelection {
  if (!tiers || tiers.length === 0) return { tier: null, label: null, step: null };
  const byThreshold = [...tiers].sort((a, b) => a.threshold - b.threshold);
  const reached = byThreshold.filter((tier) => tier.threshold <= metricValue);
  const measured = describeMetric(metric, metricValue, currency);
  if (reached.length === 0) {
    const first = describeThreshold(metric, byThreshold[0].threshold, currency);
    return {
      tier: null,
      label: null,
      step: `Base rate: ${measured}, the first tier starts at ${first}`,
    };
  }
  const index = reached.length - 1;
  const tier = reached[index];
  const label = tier.name ? `${tier.name} tier` : `Tier ${index + 1}`;
  const threshold = describeThreshold(metric, tier.threshold, currency);
  return { tier, label, step: `${label} (${measured} ≥ ${threshold})` };
}
