import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import type { PayableEntry } from '../../../plugin/payouts';
import { tableOf, withKnex } from '../platform/database';
import { createLedgerRepository } from '../ledger/ledger-repository';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
const PROGRAM = uid('program');

const columnOf = (strapi: Core.Strapi, model: UID.Schema, attribute: string) =>
  (strapi.db.metadata.get(model).attributes[attribute] as { columnName: string }).columnName;

/** Dates come back as Date (PostgreSQL, MySQL) or epoch milliseconds (SQLite). */
export const dateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : new Date(value as string);
export const isoOrNull = (value: unknown) => dateOrNull(value)?.toISOString() ?? null;

/**
 * The ledger side of payouts, in SQL: which entries are payable, which payout owns them
 * (`commission.payout_id`), the partners' locks, and the only writes of the payouts table. Every helper runs inside the caller's
 * transaction when there is one. Queries select by partner (a few hundred bind values) rather
 * than by entry id (tens of thousands). Entries are written by the ledger repository only.
 */
export const createPayoutLedger = (strapi: Core.Strapi) => {
  const commissions = tableOf(strapi, COMMISSION);
  const col = (attribute: string) => `c.${columnOf(strapi, COMMISSION, attribute)}`;
  const isSqlite = strapi.db.dialect.client === 'sqlite';
  const repository = createLedgerRepository(strapi);

  /** Approved entries in no payout, due (at the latest) before `cutOff`, with their program. */
  const payable = (knex: Knex, cutOff: string) =>
    knex(`${commissions} as c`)
      .leftJoin(`${tableOf(strapi, PROGRAM)} as g`, 'g.id', col('programId'))
      .whereNull(col('payoutId'))
      .where(col('state'), 'approved')
      .where((query) =>
        query.whereNull(col('availableAt')).orWhere(col('availableAt'), '<', new Date(cutOff))
      );

  return {
    /** Partners with something payable before `cutOff`, ascending. */
    payablePartnerIds: (cutOff: string) =>
      withKnex(strapi, async (knex) => {
        const rows = await payable(knex, cutOff)
          .distinct({ partnerId: col('partnerId') })
          .orderBy('partnerId');
        return rows.map((row: { partnerId: number | string }) => Number(row.partnerId));
      }),

    /** The payable entries of some partners, with their programs' payout rules. */
    payableEntries: (cutOff: string, partnerIds: readonly number[]) =>
      withKnex(strapi, async (knex) => {
        const rows = await payable(knex, cutOff)
          .whereIn(col('partnerId'), partnerIds)
          .select({
            id: 'c.id',
            partnerId: col('partnerId'),
            currency: col('currency'),
            amount: col('amount'),
            availableAt: col('availableAt'),
            approvedAt: col('approvedAt'),
            payoutMinimum: `g.${columnOf(strapi, PROGRAM, 'payoutMinimum')}`,
            payoutTermDays: `g.${columnOf(strapi, PROGRAM, 'payoutTermDays')}`,
          });
        return rows.map((row: Record<string, unknown>): PayableEntry => ({
          id: Number(row.id),
          partnerId: Number(row.partnerId),
          currency: String(row.currency),
          amount: Number(row.amount),
          availableAt: dateOrNull(row.availableAt),
          approvedAt: dateOrNull(row.approvedAt),
          payoutMinimum: row.payoutMinimum == null ? null : Number(row.payoutMinimum),
          payoutTermDays: Number(row.payoutTermDays ?? 0),
        }));
      }),

    /**
     * Locks partner rows (`SELECT … FOR UPDATE`, ascending ids, so concurrent runs queue instead
     * of deadlocking) and answers their payout methods. Payout runs take turns per partner: what
     * a run reads after this lock includes everything a run that held it before committed (each
     * statement is a new snapshot in PostgreSQL; MySQL's snapshot starts after this locking read).
     */
    lockPartners: (partnerIds: readonly number[]) =>
      withKnex(strapi, async (knex) => {
        const query = knex(tableOf(strapi, PARTNER))
          .select({ id: 'id', payoutMethod: columnOf(strapi, PARTNER, 'payoutMethod') })
          .whereIn('id', partnerIds)
          .orderBy('id');
        if (!isSqlite) query.forUpdate();
        const rows = await query;
        return new Map<number, unknown>(
          rows.map((row: { id: number; payoutMethod: unknown }) => [
            Number(row.id),
            typeof row.payoutMethod === 'string' ? JSON.parse(row.payoutMethod) : row.payoutMethod,
          ])
        );
      }),

    /** Which of these payout keys exist already. */
    existingKeys: (keys: readonly string[]) =>
      withKnex(strapi, async (knex) => {
        const rows = await knex(tableOf(strapi, PAYOUT))
          .select({ key: columnOf(strapi, PAYOUT, 'idempotencyKey') })
          .whereIn(columnOf(strapi, PAYOUT, 'idempotencyKey'), keys);
        return new Set(rows.map((row: { key: string }) => row.key));
      }),

    /** Ids and documentIds of payouts by key. */
    payoutsByKey: (keys: readonly string[]) =>
      withKnex(strapi, async (knex) => {
        const rows = await knex(tableOf(strapi, PAYOUT))
          .select({
            id: 'id',
            documentId: columnOf(strapi, PAYOUT, 'documentId'),
            key: columnOf(strapi, PAYOUT, 'idempotencyKey'),
          })
          .whereIn(columnOf(strapi, PAYOUT, 'idempotencyKey'), keys);
        return new Map(
          rows.map((row: { id: number; documentId: string; key: string }) => [
            row.key,
            { id: Number(row.id), documentId: row.documentId },
          ])
        );
      }),

    /** Inserts new payouts (one statement); the unique idempotency key refuses a second one. */
    insertPayouts: async (rows: ReadonlyArray<Record<string, unknown>>) => {
      await strapi.db.query(PAYOUT).createMany({ data: [...rows] });
    },

    /** Changes one payout (state, reference, failure); answers the row as stored. */
    updatePayout: (id: number, data: Record<string, unknown>) =>
      strapi.db.query(PAYOUT).update({ where: { id }, data }),

    /**
     * Puts each new payout's entries into it. Fewer assigned than planned means another run
     * took some first: the caller's transaction is rolled back and retried.
     */
    async assign(payouts: ReadonlyArray<{ id: number; entryIds: readonly number[] }>) {
      const planned = payouts.reduce((sum, payout) => sum + payout.entryIds.length, 0);
      const assigned = await repository.assignToPayouts(payouts);
      if (assigned !== planned) {
        throw new PayoutConflict(
          `${planned - assigned} of ${planned} entries were taken meanwhile`
        );
      }
    },
  };
};

/** Another payout run assigned some of the planned entries first (retry the batch). */
export class PayoutConflict extends Error {}

export type PayoutLedger = ReturnType<typeof createPayoutLedger>;
