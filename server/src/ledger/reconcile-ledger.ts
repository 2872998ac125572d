import type { Core } from '@strapi/strapi';
import { reconcileOrderCommissions, type ReconcileOrderInput } from '../../../plugin/commissions';
import { ledgerOfOrder, lockPartners } from './ledger-entries';

/**
 * The reconciler's actions for an order, from its stored ledger (the caller holds the order's
 * lock). An entry a pending or processing payout owns reads as paid (see `ledgerOfOrder`), so a
 * refund claws it back from the next payout rather than reversing it under the payout.
 *
 * Reversing an `approved` entry, or adding an approved one (a clawback, the adjustment of an
 * approved entry), changes what a payout run may be assigning to a payout at this moment. So
 * before either, the partners' row locks (the ones payout runs hold while they plan and assign
 * entries) are taken, the ledger is read again, and an entry a run took meanwhile is clawed back
 * instead: runs and refunds take turns per partner, and a run's plan holds until it assigns.
 * Refunds are rare: orders that only earn (new entries are pending) never wait on a partner's lock.
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
  const partnerOf = new Map(entries.map((entry) => [entry.idempotencyKey, entry.partnerId]));
  const racing = actions.flatMap((action) => {
    if (action.type === 'reverse') {
      return action.from === 'approved' ? [Number(partnerOf.get(action.idempotencyKey))] : [];
    }
    return action.draft.state === 'approved' ? [Number(action.draft.partnerId)] : [];
  });
  // SQLite has a single writer: no run is half-way while this transaction runs.
  if (racing.length === 0 || strapi.db.dialect.client === 'sqlite') return actions;
  await lockPartners(strapi, racing);
  return reconcileOrderCommissions({
    ...input,
    entries: await ledgerOfOrder(strapi, orderId, { locking: true }),
  });
};
