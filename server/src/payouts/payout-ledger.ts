import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import type { PayableEntry } from '../../../plugin/payouts';
import { joinTableOf, tableOf, withKnex } from '../platform/database';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
const PROGRAM = uid('program');

/** Rows per multi-row insert: 3 columns × 5,000 stays under every database's bind limit. */
const INSERT_ROWS = 5000;
const chunks = <T>(values: readonly T[], size: number): T[][] => {
  const result: T[][] = [];
  for (let index = 0; index < values.length; index += size) {
    result.push(values.slice(index, index + size));
  }
  return result;
};

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
 * The ledger side of payouts, in SQL: which entries are payable, and which payout owns them.
 * Strapi keeps `commission.payout` in a link table; an entry is unassigned when it has no row
 * there. Every helper runs inside the caller's transaction when there is one. Queries select by
 * partner (a few hundred bind values) rather than by entry id (tens of thousands).
 */
export const createPayoutLedger = (strapi: Core.Strapi) => {
  const commissions = tableOf(strapi, COMMISSION);
  const col = (attribute: string) => `c.${columnOf(strapi, COMMISSION, attribute)}`;
  const partnerLink = joinTableOf(strapi, COMMISSION, 'partner');
  const programLink = joinTableOf(strapi, COMMISSION, 'program');
  const payoutLink = joinTableOf(strapi, COMMISSION, 'payout');
  const payoutPartnerLink = joinTableOf(strapi, PAYOUT, 'partner');
  // The payout's `commissions` list order, numbered as Strapi numbers it.
  const payoutOrderColumn = (
    strapi.db.metadata.get(COMMISSION).attributes.payout as {
      joinTable?: { inverseOrderColumnName?: string };
    }
  ).joinTable?.inverseOrderColumnName;
  const isSqlite = strapi.db.dialect.client === 'sqlite';
  const isPostgres = strapi.db.dialect.client === 'postgres';
  // knex writes SQLite's multi-row inserts as a compound SELECT, limited to 500 terms.
  const insertRows = isSqlite ? strapi.db.dialect.getBatchInsertSize() : INSERT_ROWS;

  /** Approved entries in no payout, due (at the latest) before `cutOff`, with their program. */
  const payable = (knex: Knex, cutOff: string) =>
    knex(`${commissions} as c`)
      .join(`${partnerLink.table} as cp`, `cp.${partnerLink.ownerColumn}`, 'c.id')
      .leftJoin(`${programLink.table} as cg`, `cg.${programLink.ownerColumn}`, 'c.id')
      .leftJoin(`${tableOf(strapi, PROGRAM)} as g`, 'g.id', `cg.${programLink.targetColumn}`)
      .leftJoin(`${payoutLink.table} as co`, `co.${payoutLink.ownerColumn}`, 'c.id')
      .whereNull(`co.${payoutLink.ownerColumn}`)
      .where(col('state'), 'approved')
      .where((query) =>
        query.whereNull(col('availableAt')).orWhere(col('availableAt'), '<', new Date(cutOff))
      );

  /**
   * PostgreSQL: the entry → payout links of a batch in one `INSERT … SELECT` from `unnest` of
   * three arrays (three bind values, however many entries), where a multi-row VALUES insert
   * binds three values per entry and PostgreSQL plans a VALUES list row by row.
   */
  const linkEntriesFromArrays = async (
    knex: Knex,
    payouts: ReadonlyArray<{ id: number; entryIds: readonly number[] }>
  ) => {
    const entries: number[] = [];
    const owners: number[] = [];
    const positions: number[] = [];
    for (const payout of payouts) {
      payout.entryIds.forEach((entryId, index) => {
        entries.push(entryId);
        owners.push(payout.id);
        positions.push(index + 1);
      });
    }
    if (entries.length === 0) return;
    const array = (values: number[]) => `{${values.join(',')}}`;
    const columns = [payoutLink.ownerColumn, payoutLink.targetColumn];
    const sources = ['?::integer[]', '?::integer[]'];
    const bindings: string[] = [array(entries), array(owners)];
    if (payoutOrderColumn) {
      columns.push(payoutOrderColumn);
      sources.push('?::double precision[]');
      bindings.push(array(positions));
    }
    await knex.raw(
      `insert into ?? (${columns.map(() => '??').join(', ')}) select * from unnest(${sources.join(', ')})`,
      [payoutLink.table, ...columns, ...bindings]
    );
  };

  return {
    /** Partners with something payable before `cutOff`, ascending. */
    payablePartnerIds: (cutOff: string) =>
      withKnex(strapi, async (knex) => {
        const rows = await payable(knex, cutOff)
          .distinct({ partnerId: `cp.${partnerLink.targetColumn}` })
          .orderBy('partnerId');
        return rows.map((row: { partnerId: number | string }) => Number(row.partnerId));
      }),

    /** The payable entries of some partners, with their programs' payout rules. */
    payableEntries: (cutOff: string, partnerIds: readonly number[]) =>
      withKnex(strapi, async (knex) => {
        const rows = await payable(knex, cutOff)
          .whereIn(`cp.${partnerLink.targetColumn}`, partnerIds)
          .select({
            id: 'c.id',
            partnerId: `cp.${partnerLink.targetColumn}`,
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

    /** Links new payouts to their partners and entries (bulk inserts into the link tables). */
    link: (
      payouts: ReadonlyArray<{ id: number; partnerId: number; entryIds: readonly number[] }>
    ) =>
      withKnex(strapi, async (knex) => {
        const partnerRows = payouts.map((payout) => ({
          [payoutPartnerLink.ownerColumn]: payout.id,
          [payoutPartnerLink.targetColumn]: payout.partnerId,
        }));
        for (const chunk of chunks(partnerRows, insertRows)) {
          await knex(payoutPartnerLink.table).insert(chunk);
        }
        if (isPostgres) {
          await linkEntriesFromArrays(knex, payouts);
          return;
        }
        const entryRows = payouts.flatMap((payout) =>
          payout.entryIds.map((entryId, index) => ({
            [payoutLink.ownerColumn]: entryId,
            [payoutLink.targetColumn]: payout.id,
            ...(payoutOrderColumn ? { [payoutOrderColumn]: index + 1 } : {}),
          }))
        );
        for (const chunk of chunks(entryRows, insertRows)) {
          await knex(payoutLink.table).insert(chunk);
        }
      }),

    /** The ids of a payout's entries. */
    entryIdsOf: (payoutId: number) =>
      withKnex(strapi, async (knex) => {
        const rows = await knex(payoutLink.table)
          .select(payoutLink.ownerColumn)
          .where(payoutLink.targetColumn, payoutId);
        return rows.map((row: Record<string, unknown>) => Number(row[payoutLink.ownerColumn]));
      }),

    /** Frees a failed payout's entries: they stay approved and join the next run. */
    release: (payoutId: number) =>
      withKnex(strapi, (knex) =>
        knex(payoutLink.table).where(payoutLink.targetColumn, payoutId).delete()
      ),
  };
};

export type PayoutLedger = ReturnType<typeof createPayoutLedger>;
