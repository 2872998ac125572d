import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { currentAttempt } from '../platform/database';
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

/**
 * Runs `work` once the current transaction commits (at once outside one). Never throws into the
 * commit: `work` runs detached and its failure is logged. Work scheduled by an attempt of a
 * money transaction that was rolled back and retried never runs: the retry schedules its own.
 */
export const afterCommit = async (strapi: Core.Strapi, work: () => Promise<void>) => {
  const attempt = currentAttempt();
  const detached = () => {
    if (attempt?.failed) return;
    setImmediate(() =>
      work().catch((error: Error) =>
        strapi.log.error(`[partners] after-commit work failed: ${error.message}`)
      )
    );
  };
  if (!strapi.db.inTransaction()) return detached();
  await strapi.db.transaction(async ({ onCommit }) => onCommit(detached));
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
    const emit = async (event: string, row: CommissionRecord) => {
      try {
        await strapi.eventHub.emit(event, commissionEvent(row));
      } catch (error) {
        strapi.log.error(`[partners] a listener of ${event} failed: ${(error as Error).message}`);
      }
    };
    const rows = await strapi.db.query(COMMISSION).findMany({
      where: { id: { $in: [...change.createdIds, ...change.reversedIds] } },
      orderBy: { id: 'asc' },
    });
    const entries = rows.map((row) => toCommissionRecord(row));
    const created = new Set(change.createdIds);
    for (const entry of entries) {
      if (!created.has(entry.id)) continue;
      await emit('partners.commission.created', entry);
      // A fraud signal held it: an editor has to release or reject it.
      if (entry.state === 'on-hold') await emit('partners.commission.held', entry);
    }
    for (const entry of entries) {
      if (!created.has(entry.id)) await emit('partners.commission.reversed', entry);
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
