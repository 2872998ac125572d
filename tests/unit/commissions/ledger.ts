import {
  applyReconcileActions,
  reconcileOrderCommissions,
  type CommissionDraft,
  type LedgerEntry,
  type ReconcilerOrder,
} from '../../../plugin/commissions';
import type { CommissionStatus } from '../../../plugin/model';

/** A ledger the way the server keeps it, for driving the reconciler in tests. */

export const ASOF = '2026-04-15T00:00:00.000Z';

export function reconcile(
  order: ReconcilerOrder,
  entries: LedgerEntry[],
  drafts: readonly CommissionDraft[] = []
): LedgerEntry[] {
  const actions = reconcileOrderCommissions({ order, drafts, entries, asOf: ASOF });
  return applyReconcileActions(entries, actions);
}

/** The approval job and the payout run: move every entry in `from` to `to`. */
export function moveAll(entries: LedgerEntry[], from: CommissionStatus, to: CommissionStatus) {
  return entries.map((entry) => (entry.state === from ? { ...entry, state: to } : entry));
}

const counted = (entry: LedgerEntry) => entry.state !== 'reversed' && entry.state !== 'rejected';

/** What each partner with an entry is owed: the sum of the entries that count. */
export function totalsByPartner(entries: LedgerEntry[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const entry of entries) {
    const key = String(entry.partnerId);
    totals[key] = (totals[key] ?? 0) + (counted(entry) ? entry.amount : 0);
  }
  return totals;
}

export function byKey(
  entries: LedgerEntry[]
): Record<string, Pick<LedgerEntry, 'amount' | 'state' | 'kind'>> {
  return Object.fromEntries(
    entries.map((entry) => [
      entry.idempotencyKey,
      { amount: entry.amount, state: entry.state, kind: entry.kind },
    ])
  );
}
