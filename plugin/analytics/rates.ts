import { mulDivRound } from '../money';

/**
 * The overview's rates (SPEC §9), in basis points through the plugin's one rounding rule
 * (half up). Each names what it divides, so a rate never mixes populations.
 */

const BPS_PER_WHOLE = 10_000;

/** `part / whole` in basis points, half up; 0 when there is no whole. */
export function shareBps(part: number, whole: number): number {
  return whole > 0 ? mulDivRound(part, BPS_PER_WHOLE, whole) : 0;
}

/**
 * Conversion rate: of the referrals created in the period, those that became paying customers
 * (at any time since). The converted referrals are a subset of the referrals, so the rate is
 * at most 100 % by construction; coupon customers who never clicked count here, not below.
 */
export function conversionRateBps(convertedReferrals: number, referrals: number): number {
  if (convertedReferrals > referrals) {
    throw new RangeError(`${convertedReferrals} converted of ${referrals} referrals`);
  }
  return shareBps(convertedReferrals, referrals);
}

/**
 * Click-to-customer: customers of the period per unique click of the period. Shown on its own:
 * customers who came by coupon, lead form or deal have no click, so it can pass 100 %.
 */
export function clickToCustomerBps(customers: number, uniqueClicks: number): number {
  return shareBps(customers, uniqueClicks);
}
