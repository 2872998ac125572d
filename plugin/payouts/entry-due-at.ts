import { toEpochMs, type Instant } from '../time';

const DAY_MS = 86_400_000;

export interface DueEntryFacts {
  /** Signed minor units. */
  amount: number;
  /** End of the hold (`paidAt + holdDays`); null for entries created approved without one. */
  availableAt: Instant | null;
  approvedAt: Instant | null;
  /** The program's `payoutTermDays` (net terms): how long after `availableAt` it is paid. */
  payoutTermDays: number;
}

/**
 * When an approved entry becomes payable, in epoch milliseconds: `availableAt + payoutTermDays`
 * for what the partner earns. A negative entry (a clawback or refund adjustment) is due as soon
 * as it is available: payment terms delay what the site owes, never what it takes back. Without
 * `availableAt` the approval date counts; with neither (an entry typed in by hand) it is due at
 * once (null).
 */
export function entryDueAt(entry: DueEntryFacts): number | null {
  const from = entry.availableAt ?? entry.approvedAt;
  if (from === null) return null;
  return toEpochMs(from) + (entry.amount > 0 ? entry.payoutTermDays * DAY_MS : 0);
}

/**
 * `entryDueAt(entry) < cutOff` turned around for a database, which selects due entries without
 * date arithmetic: an entry of a program with these payment terms is due before `cutOff` when it
 * has neither date, or when its `availableAt` (else its `approvedAt`) is before the instant
 * answered here (epoch milliseconds). `amount` only matters by its sign.
 */
export function dueIfStartedBefore(
  cutOff: Instant,
  payoutTermDays: number,
  amount: number
): number {
  return toEpochMs(cutOff) - (amount > 0 ? payoutTermDays * DAY_MS : 0);
}
