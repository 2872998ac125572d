import type { ReconcileAction } from './reconcile-order-commissions';
import type { LedgerEntry } from './types';

/**
 * The ledger after `actions`, as the server's transaction would leave it: for previews and for
 * checking the reconciler against a model. A create whose key exists is skipped, as the unique
 * index on `idempotencyKey` would skip it.
 */
export function applyReconcileActions(
  entries: readonly LedgerEntry[],
  actions: readonly ReconcileAction[]
): LedgerEntry[] {
  const ledger = new Map(entries.map((entry) => [entry.idempotencyKey, entry]));
  for (const action of actions) {
    if (action.type === 'create') {
      if (!ledger.has(action.draft.idempotencyKey)) {
        ledger.set(action.draft.idempotencyKey, { ...action.draft });
      }
      continue;
    }
    const entry = ledger.get(action.idempotencyKey);
    // A state change applies only from the state it was computed against (compare-and-set).
    if (entry && entry.state === action.from) {
      ledger.set(action.idempotencyKey, { ...entry, state: 'reversed' });
    }
  }
  return [...ledger.values()];
}
