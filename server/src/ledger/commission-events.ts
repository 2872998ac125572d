import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { afterCommit, emitEvent } from '../platform/events';
import { getService } from '../platform/plugin-context';
import { type CommissionRecord, toCommissionRecord } from './commission-record';

const COMMISSION = uid('commission');
const EARNING = new Set(['pending', 'approved']);

/** The payload of `partners.commission.*` events: `{ commission }`. */
export const commissionEvent = (entry: CommissionRecord) => ({
  commission: {
    id: entry.id,
    documentId: entry.documentId,
    partnerId: entry.partnerId,
    programId: entry.programId,
    orderId: entry.orderId,
    referralId: entry.referralId,
    level: entry.level,
    kind: entry.kind,
    amount: entry.amount,
    currency: entry.currency,
    status: entry.state,
    availableAt: entry.availableAt,
    approvedAt: entry.approvedAt,
    reversedAt: entry.reversedAt,
    note: entry.note,
    summary: entry.explanation?.summary ?? null,
    idempotencyKey: entry.idempotencyKey,
  },
});

const committedEntries = async (strapi: Core.Strapi, ids: readonly number[]) => {
  const rows = await strapi.db.query(COMMISSION).findMany({
    where: { id: { $in: [...ids] } },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => toCommissionRecord(row));
};

/**
 * `event` (`partners.commission.approved`, `.held`, ...) once per entry of `ids`, with the
 * entry as committed, after the current transaction commits.
 */
export const announceEntries = (strapi: Core.Strapi, event: string, ids: readonly number[]) => {
  if (ids.length === 0) return Promise.resolve();
  return afterCommit(strapi, async () => {
    for (const entry of await committedEntries(strapi, ids)) {
      await emitEvent(strapi, event, commissionEvent(entry));
    }
  });
};

/**
 * What follows a ledger change, after it is committed: `partners.commission.created` once per
 * new entry (then `partners.commission.held` when a fraud signal held it),
 * `partners.commission.reversed` once per entry the reconciler reversed, and the
 * commission-earned e-mail for new positive entries of programs with `notifyOnCommission`.
 * Listeners and e-mails never hold or fail the request that changed the ledger. A change costs
 * one query here (the entries as committed); `programOf` answers the programs' flags.
 */
export const announceLedgerChanges = (
  strapi: Core.Strapi,
  change: { createdIds: readonly number[]; reversedIds: readonly number[] },
  programOf: (programId: number) => Promise<{ notifyOnCommission?: boolean | null } | null>
) => {
  if (change.createdIds.length === 0 && change.reversedIds.length === 0) {
    return Promise.resolve();
  }
  return afterCommit(strapi, async () => {
    const entries = await committedEntries(strapi, [...change.createdIds, ...change.reversedIds]);
    const created = new Set(change.createdIds);
    for (const entry of entries) {
      if (!created.has(entry.id)) continue;
      await emitEvent(strapi, 'partners.commission.created', commissionEvent(entry));
      // A fraud signal held it: an editor has to release or reject it.
      if (entry.state === 'on-hold') {
        await emitEvent(strapi, 'partners.commission.held', commissionEvent(entry));
      }
    }
    for (const entry of entries) {
      if (!created.has(entry.id)) {
        await emitEvent(strapi, 'partners.commission.reversed', commissionEvent(entry));
      }
    }

    const notifications = getService('notifications', { strapi });
    for (const entry of entries) {
      // Held and rejected entries earned nothing yet: no e-mail until an editor releases them.
      if (!created.has(entry.id) || entry.amount <= 0 || !EARNING.has(entry.state)) continue;
      if ((await programOf(entry.programId))?.notifyOnCommission) {
        await notifications.commissionEarned(entry.id);
      }
    }
  });
};
