import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { currentAttempt } from '../platform/database';
import { getService } from '../platform/plugin-context';
import { type CommissionRecord, toCommissionRecord } from './commission-record';

const COMMISSION = uid('commission');
const PROGRAM = uid('program');

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
 * new entry, `partners.commission.reversed` once per entry the reconciler reversed, and the
 * commission-earned e-mail for new positive entries of programs with `notifyOnCommission`.
 * Listeners and e-mails never hold or fail the request that changed the ledger. An order that
 * earns costs one query here (the programs' flag), none when it earns nothing.
 */
export const announceLedgerChanges = (
  strapi: Core.Strapi,
  change: { created: readonly CommissionRecord[]; reversedIds: readonly number[] }
) => {
  if (change.created.length === 0 && change.reversedIds.length === 0) return Promise.resolve();
  return afterCommit(strapi, async () => {
    const emit = async (event: string, row: CommissionRecord) => {
      try {
        await strapi.eventHub.emit(event, commissionEvent(row));
      } catch (error) {
        strapi.log.error(`[partners] a listener of ${event} failed: ${(error as Error).message}`);
      }
    };
    for (const row of change.created) await emit('partners.commission.created', row);
    if (change.reversedIds.length > 0) {
      const reversed = await strapi.db.query(COMMISSION).findMany({
        where: { id: { $in: [...change.reversedIds] } },
        orderBy: { id: 'asc' },
      });
      for (const row of reversed) {
        await emit('partners.commission.reversed', toCommissionRecord(row));
      }
    }

    const earned = change.created.filter((row) => row.amount > 0);
    if (earned.length === 0) return;
    const loud = await strapi.db.query(PROGRAM).findMany({
      where: {
        id: { $in: [...new Set(earned.map((row) => row.programId))] },
        notifyOnCommission: true,
      },
      select: ['id'],
    });
    if (loud.length === 0) return;
    const notify = new Set(loud.map((program) => program.id as number));
    const notifications = getService('notifications', { strapi });
    for (const row of earned) {
      if (notify.has(row.programId)) await notifications.commissionEarned(row.id);
    }
  });
};
