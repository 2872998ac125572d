import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import { dueIfStartedBefore, type PayableBalance } from '../../../plugin/payouts';
import { tableOf, withKnex } from '../platform/database';
import type { RawRow } from '../platform/rows';
import { toPayoutRecord, type PayoutRecord } from './payout-record';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
const PAYOUT_LINE = uid('payout-line');
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
 * Which entries a run counts: due before `cutOff` under the payment terms of their program.
 * `termDays` lists every `payoutTermDays` the programs use (0 always), so the database compares
 * dates with bound instants instead of doing date arithmetic in three dialects.
 */
export interface PayableScope {
  cutOff: string;
  termDays: readonly number[];
}

/** An INSERT that skips rows a unique index refuses, per dialect: its verb and its tail. */
const INSERT_SKIPPING_DUPLICATES: Record<string, [string, string]> = {
  postgres: ['insert into', ' on conflict (??) do nothing'],
  mysql: ['insert ignore into', ''],
  sqlite: ['insert or ignore into', ''],
};

/** Rows an INSERT or DELETE changed, as each driver reports it. */
const changedRows = (result: unknown): number => {
  const first = Array.isArray(result) ? result[0] : result; // mysql2: [ResultSetHeader, fields]
  const { rowCount, affectedRows, changes } = (first ?? {}) as Record<string, unknown>;
  return Number(rowCount ?? affectedRows ?? changes ?? first ?? 0);
};

/**
 * The ledger side of payouts, in SQL: which entries are payable, the partners' locks, and the
 * only writes of the payouts table and of `partners_payout_lines`, the narrow table that says
 * which payout owns an entry (one line per entry, `commission_id` unique in the database, so an
 * entry is in one payout at most). Every helper runs inside the caller's transaction when there
 * is one. Queries select by partner (a few hundred bind values), never by entry id.
 */
export const createPayoutLedger = (strapi: Core.Strapi) => {
  const commissions = tableOf(strapi, COMMISSION);
  const lines = tableOf(strapi, PAYOUT_LINE);
  const payoutsTable = tableOf(strapi, PAYOUT);
  const col = (attribute: string) => `c.${columnOf(strapi, COMMISSION, attribute)}`;
  const program = (attribute: string) => `g.${columnOf(strapi, PROGRAM, attribute)}`;
  const lineCol = (attribute: string) => columnOf(strapi, PAYOUT_LINE, attribute);
  const isSqlite = strapi.db.dialect.client === 'sqlite';
  const isPostgres = strapi.db.dialect.client === 'postgres';

  /** `dueIfStartedBefore` as a WHERE: no date, or started before its sign's and terms' instant. */
  const due =
    (knex: Knex, { cutOff, termDays }: PayableScope) =>
    (query: Knex.QueryBuilder) => {
      const started = knex.raw('coalesce(??, ??)', [col('availableAt'), col('approvedAt')]);
      const before = (days: number, amount: number) =>
        new Date(dueIfStartedBefore(cutOff, days, amount));
      query
        .where((undated) => undated.whereNull(col('availableAt')).whereNull(col('approvedAt')))
        .orWhere((owed) => owed.where(col('amount'), '<=', 0).where(started, '<', before(0, -1)));
      for (const days of termDays) {
        query.orWhere((earned) =>
          earned
            .where(col('amount'), '>', 0)
            .whereRaw('coalesce(??, 0) = ?', [program('payoutTermDays'), days])
            .where(started, '<', before(days, 1))
        );
      }
    };

  /**
   * The batch's new payouts as a table `v (payout, partner, currency)`. PostgreSQL gets them as
   * typed arrays rather than from `partners_payouts`, whose statistics lag behind the run that
   * fills it: the planner starts from the batch's payouts and reads their partners' entries by
   * index.
   */
  const owners = (
    knex: Knex,
    payouts: ReadonlyArray<{ id: number; partnerId: number; currency: string }>
  ) =>
    isPostgres
      ? knex.raw('unnest(?::integer[], ?::integer[], ?::text[]) as v (payout, partner, currency)', [
          `{${payouts.map(({ id }) => id).join(',')}}`,
          `{${payouts.map(({ partnerId }) => partnerId).join(',')}}`,
          `{${payouts.map(({ currency }) => currency).join(',')}}`,
        ])
      : knex(payoutsTable)
          .whereIn(
            'id',
            payouts.map(({ id }) => id)
          )
          .select({
            payout: 'id',
            partner: columnOf(strapi, PAYOUT, 'partnerId'),
            currency: columnOf(strapi, PAYOUT, 'currency'),
          })
          .as('v');

  /** Approved entries due before the scope's cut-off, with their program. */
  const dueEntries = (knex: Knex, scope: PayableScope) =>
    knex(`${commissions} as c`)
      .leftJoin(`${tableOf(strapi, PROGRAM)} as g`, 'g.id', col('programId'))
      .where(col('state'), 'approved')
      .where(due(knex, scope));

  /** Those of them in no payout yet. */
  const payable = (knex: Knex, scope: PayableScope) =>
    dueEntries(knex, scope).whereNotExists(
      knex(`${lines} as l`)
        .select(knex.raw('1'))
        .whereRaw('?? = c.id', [`l.${lineCol('commissionId')}`])
    );

  return {
    /** The scope of a run with this cut-off: the payment terms the programs use. */
    scope: (cutOff: string): Promise<PayableScope> =>
      withKnex(strapi, async (knex) => {
        const rows = await knex(tableOf(strapi, PROGRAM)).select(
          knex.raw('distinct coalesce(??, 0) as days', [
            columnOf(strapi, PROGRAM, 'payoutTermDays'),
          ])
        );
        const days = new Set([
          0,
          ...rows.map((row: { days: number | string }) => Number(row.days)),
        ]);
        return { cutOff, termDays: [...days].sort((a, b) => a - b) };
      }),

    /** Partners with something payable in this scope, ascending. */
    payablePartnerIds: (scope: PayableScope) =>
      withKnex(strapi, async (knex) => {
        const rows = await payable(knex, scope)
          .distinct({ partnerId: col('partnerId') })
          .orderBy('partnerId');
        return rows.map((row: { partnerId: number | string }) => Number(row.partnerId));
      }),

    /** Some partners' payable entries netted per partner and currency (SPEC §10), in SQL. */
    payableBalances: (scope: PayableScope, partnerIds: readonly number[]) =>
      withKnex(strapi, async (knex): Promise<PayableBalance[]> => {
        const rows: RawRow[] = await payable(knex, scope)
          .whereIn(col('partnerId'), partnerIds)
          .groupBy(col('partnerId'), col('currency'))
          .select({
            partnerId: col('partnerId'),
            currency: col('currency'),
            amount: knex.raw('sum(??)', [col('amount')]),
            minimum: knex.raw('max(coalesce(??, 0))', [program('payoutMinimum')]),
            entries: knex.raw('count(*)'),
          });
        return rows.map((row) => ({
          partnerId: Number(row.partnerId),
          currency: String(row.currency),
          amount: Number(row.amount),
          minimum: Number(row.minimum),
          entries: Number(row.entries),
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
        const rows = await knex(payoutsTable)
          .select({ key: columnOf(strapi, PAYOUT, 'idempotencyKey') })
          .whereIn(columnOf(strapi, PAYOUT, 'idempotencyKey'), keys);
        return new Set(rows.map((row: { key: string }) => row.key));
      }),

    /** Ids and documentIds of payouts by key. */
    payoutsByKey: (keys: readonly string[]) =>
      withKnex(strapi, async (knex) => {
        const rows = await knex(payoutsTable)
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

    /** Changes one payout (state, reference, failure); answers it as stored. */
    updatePayout: async (id: number, data: PayoutChange): Promise<PayoutRecord> =>
      toPayoutRecord(await strapi.db.query(PAYOUT).update({ where: { id }, data })),

    /**
     * Gives new payouts their entries in one INSERT … SELECT: each payout takes its partner's
     * payable entries in its currency. A count other than planned means the ledger changed since
     * the balances were read (an entry approved meanwhile): the caller's transaction is rolled
     * back and retried. Lines are rows, not documents: no documentId or timestamps (the
     * payout's `createdAt` dates them).
     */
    assign: (
      scope: PayableScope,
      payouts: ReadonlyArray<{ id: number; partnerId: number; currency: string; entries: number }>
    ) =>
      withKnex(strapi, async (knex) => {
        if (payouts.length === 0) return;
        const planned = payouts.reduce((sum, { entries }) => sum + entries, 0);
        // Entries with a line already are skipped by the unique index, not by an anti-join:
        // PostgreSQL may run that as a scan of every line per entry when it misjudges a batch's
        // size, and MySQL's locking read of the line table makes concurrent batches deadlock.
        const select = dueEntries(knex, scope)
          .join(owners(knex, payouts), (on) =>
            on.on('v.partner', '=', col('partnerId')).andOn('v.currency', '=', col('currency'))
          )
          .select('v.payout', 'c.id')
          .toSQL();
        const [insert, skipTaken] = INSERT_SKIPPING_DUPLICATES[strapi.db.dialect.client] ?? [];
        const assigned = changedRows(
          await knex.raw(`${insert} ?? (??, ??) ${select.sql}${skipTaken}`, [
            lines,
            lineCol('payoutId'),
            lineCol('commissionId'),
            ...select.bindings,
            ...(isPostgres ? [lineCol('commissionId')] : []),
          ])
        );
        if (assigned !== planned) {
          throw new PayoutConflict(`${assigned} entries assigned, ${planned} planned`);
        }
      }),

    /** A payout's entries (through its lines), oldest first, as the admin's payout view lists them. */
    entriesOf: (payoutId: number) =>
      withKnex(strapi, async (knex) => {
        const rows: RawRow[] = await knex(`${lines} as l`)
          .join(`${commissions} as c`, 'c.id', `l.${lineCol('commissionId')}`)
          .where(`l.${lineCol('payoutId')}`, payoutId)
          .orderBy('c.id')
          .select({
            documentId: col('documentId'),
            kind: col('kind'),
            level: col('level'),
            amount: col('amount'),
            currency: col('currency'),
            state: col('state'),
            explanation: col('explanation'),
          });
        return rows.map((row) => {
          const explanation =
            typeof row.explanation === 'string' ? JSON.parse(row.explanation) : row.explanation;
          return {
            documentId: String(row.documentId),
            kind: String(row.kind),
            level: Number(row.level),
            amount: Number(row.amount),
            currency: String(row.currency),
            status: String(row.state),
            summary: (explanation as { summary?: string } | null)?.summary ?? null,
          };
        });
      }),

    /** Frees a failed payout's entries (its lines go): they stay approved and join the next run. */
    release: (payoutId: number) =>
      withKnex(strapi, async (knex) => {
        await knex(lines).where(lineCol('payoutId'), payoutId).delete();
      }),
  };
};

/** What marking a payout paid, failed or processing writes. */
export type PayoutChange = Partial<
  Pick<PayoutRecord, 'state' | 'method' | 'reference' | 'paidAt' | 'failureReason'>
>;

/** The ledger changed between a batch's plan and its assignment (retry the batch). */
export class PayoutConflict extends Error {}

export type PayoutLedger = ReturnType<typeof createPayoutLedger>;
