import type { Core } from '@strapi/strapi';
import { reconcileOrderCommissions, type ReconcileOrderInput } from '../../../plugin/commissions';
import { ledgerOfOrder, lockPartners } from './ledger-entries';

/**
 * The reconciler's actions for an order, from its stored ledger (the caller holds the order's
 * lock). An entry a pending or processing payout owns reads as paid (see `ledgerOfOrder`), so a
 * refund claws it back from the next payout rather than reversing it under the payout.
 *
 * Reversing an `approved` entry races a payout run that may be assigning it to a payout at this
 * moment. So before such a reversal the partners' row locks (the ones payout runs hold while they
 * assign entries) are taken, the ledger is read again, and an entry a run took meanwhile is
 * clawed back instead. Refunds are rare: orders that only earn never wait on a partner's lock.
 */
export const reconcileLedger = async (
  strapi: Core.Strapi,
  input: Omit<ReconcileOrderInput, 'entries'>,
  orderId: number,
  { fresh = false }: { fresh?: boolean } = {}
) => {
  // An order inserted in this very transaction has no entries yet: nothing to read.
  const entries = fresh ? [] : await ledgerOfOrder(strapi, orderId);
  const actions = reconcileOrderCommissions({ ...input, entries });
  const racing = new Set(
    actions.flatMap((action) =>
      action.type === 'reverse' && action.from === 'approved' ? [action.idempotencyKey] : []
    )
  );
  // SQLite has a single writer: no run is half-way while this transaction runs.
  if (racing.size === 0 || strapi.db.dialect.client === 'sqlite') return actions;
  await lockPartners(
    strapi,
    entries
      .filter((entry) => racing.has(entry.idempotencyKey))
      .map((entry) => Number(entry.partnerId))
  );
  return reconcileOrderCommissions({
    ...input,
    entries: await ledgerOfOrder(strapi, orderId, { locking: true }),
  });
};
