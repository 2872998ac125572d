import type { StatsRange } from '../contracts/portal';
import { toEpochMs, type Instant } from '../time';

const DAY_MS = 86_400_000;

export interface StatsBucket {
  /** `YYYY-MM-DD` (UTC), the first day of the bucket. */
  start: string;
  startsAt: string;
  endsAt: string;
}

/**
 * The chart buckets of the portal's stats (SPEC §8), oldest first, the last one holding `now`:
 * 7 days or 28 days day by day, or 26 ISO weeks (Monday to Sunday) for six months. UTC, like
 * statements and payout periods.
 */
export function statsBuckets(
  range: StatsRange,
  now: Instant
): { interval: 'day' | 'week'; buckets: StatsBucket[] } {
  const today = Math.floor(toEpochMs(now) / DAY_MS) * DAY_MS;
  const weekly = range === '6m';
  const count = range === '7d' ? 7 : range === '4w' ? 28 : 26;
  const step = weekly ? 7 * DAY_MS : DAY_MS;
  // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
  const first = weekly
    ? today - ((today / DAY_MS + 3) % 7) * DAY_MS - (count - 1) * step
    : today - (count - 1) * step;
  const buckets = Array.from({ length: count }, (_, index) => {
    const startsAt = new Date(first + index * step).toISOString();
    return {
      start: startsAt.slice(0, 10),
      startsAt,
      endsAt: new Date(first + (index + 1) * step).toISOString(),
    };
  });
  return { interval: weekly ? 'week' : 'day', buckets };
}
