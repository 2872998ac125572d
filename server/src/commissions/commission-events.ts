import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { currentAttempt } from '../database';
import { getService } from '../plugin-context';
import { idOf, iso } from '../rows';

const COMMISSION = uid('commission');
const PROGRAM = uid('program');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The payload of `partners.commission.*` events: `{ commission }`. */
export const commissionEvent = (entry: Row) => ({
  commission: {
    id: entry.id as number,
    documentId: entry.documentId as string,
    partnerId: idOf(entry.partner),
    programId: idOf(entry.program),
    orderId: idOf(entry.order),
    referralId: idOf(entry.referral),
    level: entry.level as number,
    kind: entry.kind as string,
    amount: entry.amount as number,
    currency: entry.currency as string,
    status: entry.status as string,
    availableAt: iso(entry.availableAt),
    approvedAt: iso(entry.approvedAt),
    reversedAt: iso(entry.reversedAt),
    note: (entry.note as string | null) ?? null,
    summary: (entry.explanation?.summary as string | undefined) ?? null,
    idempotencyKey: entry.idempotencyKey as string,
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
 * Listeners and e-mails never hold or fail the request that changed the ledger. `created` rows
 * carry their relations as `{ id }` (the writer knows them), so an order that earns costs one
 * query here (the programs' flag), none when it earns nothing.
 */
export const announceLedgerChanges = (
  strapi: Core.Strapi,
  change: { created: readonly Row[]; reversedIds: readonly number[] }
) => {
  if (change.created.length === 0 && change.reversedIds.length === 0) return Promise.resolve();
  return afterCommit(strapi, async () => {
    const emit = async (event: string, row: Row) => {
      try {
        await strapi.eventHub.emit(event, commissionEvent(row));
      } catch (error) {
        strapi.log.error(`[partners] a listener of ${event} failed: ${(error as Error).message}`);
      }
    };
    for (const row of change.created) await emit('partners.commission.created', row);
    if (change.reversedIds.length > 0) {
      const reversed: Row[] = await strapi.db.query(COMMISSION).findMany({
        where: { id: { $in: [...change.reversedIds] } },
        orderBy: { id: 'asc' },
        populate: {
          partner: { select: ['id'] },
          program: { select: ['id'] },
          order: { select: ['id'] },
          referral: { select: ['id'] },
        },
      });
      for (const row of reversed) await emit('partners.commission.reversed', row);
    }

    const earned = change.created.filter((row) => row.amount > 0 && idOf(row.program));
    if (earned.length === 0) return;
    const loud = await strapi.db.query(PROGRAM).findMany({
      where: {
        id: { $in: [...new Set(earned.map((row) => idOf(row.program)))] },
        notifyOnCommission: true,
      },
      select: ['id'],
    });
    if (loud.length === 0) return;
    const notify = new Set(loud.map((program) => program.id as number));
    const notifications = getService('notifications', { strapi });
    for (const row of earned) {
      if (notify.has(idOf(row.program) as number)) await notifications.commissionEarned(row.id);
    }
  });
};
