/**
 * A payout period is a calendar month in UTC, named "YYYY-MM". Payouts aggregate entries of
 * programs in several time zones for one partner, so the month is cut in one zone for all of
 * them: UTC, stated on every payout and statement.
 */
export interface PayoutPeriod {
  /** "2026-01" */
  period: string;
  /** First instant of the month, inclusive: "2026-01-01T00:00:00.000Z". */
  startsAt: string;
  /** First instant of the next month, exclusive: the run's cut-off. */
  endsAt: string;
  /** Calendar dates stored on the payout (`periodStart`, `periodEnd`), both inclusive. */
  firstDay: string;
  lastDay: string;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The bounds of a "YYYY-MM" period; throws a RangeError for anything else. */
export function payoutPeriod(period: string): PayoutPeriod {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`a payout period is "YYYY-MM", got "${period}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const start = Date.UTC(year, month - 1, 1);
  const end = Date.UTC(year, month, 1);
  const lastDay = new Date(end - 86_400_000).toISOString().slice(0, 10);
  return {
    period,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
    firstDay: `${period}-01`,
    lastDay,
  };
}
