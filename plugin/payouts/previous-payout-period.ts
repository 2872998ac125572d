import { toEpochMs, type Instant } from '../time';

/** The month before the one `at` falls in (UTC): the period the monthly run pays on the 1st. */
export function previousPayoutPeriod(at: Instant): string {
  const date = new Date(toEpochMs(at));
  const previous = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
}
