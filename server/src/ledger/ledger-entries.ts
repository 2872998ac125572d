import type { Core } from '@strapi/strapi';
import type { LedgerEntry } from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { joinTableOf, tableOf, withKnex } from '../platform/database';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const numberOrNull = (value: unknown) => (value == null ? null : Number(value));

/** Payouts whose entries are spoken for: the money is out, or about to go. */
const OWNING_PAYOUT = new Set(['pending', 'processing', 'paid']);

/**
 * An order's ledger entries as the reconciler reads them, in one query over Strapi's link
 * tables (populating four relations would take five), and one for the payouts of its approved
 * entries when it has any.
 *
 * An `approved` entry that a pending or processing payout owns is read as `paid`: that payout
 * carries its amount, so a refund now claws it back from the next payout (a negative `clawback`
 * entry) instead of reversing it under the payout. `locking` reads the latest committed rows
 * (MySQL's `FOR SHARE`; PostgreSQL's statements see them anyway), for a caller that has just
 * waited for the partners' locks (see `lockPartners`).
 */
export const ledgerOfOrder = (
  strapi: Core.Strapi,
  orderId: number,
  { locking = false }: { locking?: boolean } = {}
): Promise<LedgerEntry[]> =>
  withKnex(strapi, async (knex) => {
    const [byOrder, byPartner, byProgram, byReferral, byPayout] = [
      'order',
      'partner',
      'program',
      'referral',
      'payout',
    ].map((attribute) => joinTableOf(strapi, COMMISSION, attribute));
    const rows: Row[] = await knex(`${tableOf(strapi, COMMISSION)} as c`)
      .join(`${byOrder.table} as lo`, `lo.${byOrder.ownerColumn}`, 'c.id')
      .leftJoin(`${byPartner.table} as lp`, `lp.${byPartner.ownerColumn}`, 'c.id')
      .leftJoin(`${byProgram.table} as lg`, `lg.${byProgram.ownerColumn}`, 'c.id')
      .leftJoin(`${byReferral.table} as lr`, `lr.${byReferral.ownerColumn}`, 'c.id')
      .where(`lo.${byOrder.targetColumn}`, orderId)
      .orderBy('c.id')
      .select({
        id: 'c.id',
        idempotencyKey: 'c.idempotency_key',
        level: 'c.level',
        kind: 'c.kind',
        amount: 'c.amount',
        currency: 'c.currency',
        state: 'c.state',
        availableAt: 'c.available_at',
        basisAmount: 'c.basis_amount',
        partnerId: `lp.${byPartner.targetColumn}`,
        programId: `lg.${byProgram.targetColumn}`,
        referralId: `lr.${byReferral.targetColumn}`,
      });
    // Which approved entries a payout holds: a second, small query, only when there are any
    // (a fresh order's entries are pending, so the hot path of order ingestion skips it).
    const approved = rows.filter((row) => row.state === 'approved').map((row) => row.id);
    const held = new Set<number>();
    if (approved.length > 0) {
      const query = knex(`${byPayout.table} as lx`)
        .join(`${tableOf(strapi, PAYOUT)} as x`, 'x.id', `lx.${byPayout.targetColumn}`)
        .whereIn(`lx.${byPayout.ownerColumn}`, approved)
        .select({ entryId: `lx.${byPayout.ownerColumn}`, state: 'x.state' });
      if (locking && strapi.db.dialect.client === 'mysql') query.forShare();
      for (const link of await query) {
        if (OWNING_PAYOUT.has(link.state)) held.add(Number(link.entryId));
      }
    }
    return rows.map((row) => ({
      idempotencyKey: row.idempotencyKey,
      level: Number(row.level) as LedgerEntry['level'],
      kind: row.kind,
      amount: Number(row.amount),
      currency: row.currency,
      state: held.has(Number(row.id)) ? 'paid' : row.state,
      availableAt: row.availableAt == null ? null : new Date(row.availableAt).toISOString(),
      basisAmount: numberOrNull(row.basisAmount),
      partnerId: Number(row.partnerId),
      programId: Number(row.programId),
      referralId: numberOrNull(row.referralId),
    }));
  });

/**
 * Locks partner rows (`SELECT … FOR UPDATE`, ascending ids), the lock a payout run holds while it
 * assigns the partners' entries to payouts: whoever holds it sees no entry change owner.
 */
export const lockPartners = (strapi: Core.Strapi, partnerIds: readonly number[]) =>
  withKnex(strapi, async (knex) => {
    if (partnerIds.length === 0 || strapi.db.dialect.client === 'sqlite') return;
    await knex(tableOf(strapi, PARTNER))
      .select('id')
      .whereIn(
        'id',
        [...new Set(partnerIds)].sort((a, b) => a - b)
      )
      .orderBy('id')
      .forUpdate();
  });
