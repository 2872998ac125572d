/**
 * When a Stripe event that failed is tried again (SPEC §7). Every application counts as an
 * attempt: the webhook's own, the retry job's and an editor's replay. The job waits longer after
 * each failure and stops after `STRIPE_MAX_ATTEMPTS`; from then on only a replay applies it.
 */

export const STRIPE_MAX_ATTEMPTS = 6;
const FIRST_DELAY_MS = 5 * 60_000;
const LONGEST_DELAY_MS = 6 * 60 * 60_000;

/**
 * The moment the retry job may apply an event again after its `attempts`-th attempt failed at
 * `failedAt`: 5 minutes, then 10, 20, 40 and 80; `null` once it has had every attempt.
 */
export const nextStripeAttemptAt = (attempts: number, failedAt: Date): string | null => {
  if (attempts >= STRIPE_MAX_ATTEMPTS) return null;
  const delay = Math.min(FIRST_DELAY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_DELAY_MS);
  return new Date(failedAt.getTime() + delay).toISOString();
};
