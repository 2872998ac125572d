import type { Core } from '@strapi/strapi';
import type { LedgerEntry } from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { tableOf, withKnex } from '../platform/database';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
const PAYOUT_LINE = uid('payout-line');

/** A commission row as the reconciler needs it (numbers may arrive as strings from MySQL). */
interface StoredEntry {
  id: number;
  idempotencyKey: string;
  level: number | string;
  kind: LedgerEntry['kind'];
  amount: number | string;
  currency: string;
  state: LedgerEntry['state'];
  availableAt: Date | string | number | null;
  basisAmount: number | string | null;
  partnerId: number | string;
  programId: number | string;
  referralId: number | string | null;
}

const numberOrNull = (value: unknown) => (value == null ? null : Number(value));

/** Payouts whose entries are spoken for: the money is out, or about to go. */
const OWNING_PAYOUT = new Set(['pending', 'processing', 'paid']);

/**
 * An order's ledger entries as the reconciler reads them, in one query (the references are plain
 * columns), and one for the payout lines of its approved entries when it has any.
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
    const lockingRead = locking && strapi.db.dialect.client === 'mysql';
    const entries = knex(tableOf(strapi, COMMISSION)).where('order_id', orderId);
    if (lockingRead) entries.forShare();
    const rows: StoredEntry[] = await entries.orderBy('id').select({
      id: 'id',
      idempotencyKey: 'idempotency_key',
      level: 'level',
      kind: 'kind',
      amount: 'amount',
      currency: 'currency',
      state: 'state',
      availableAt: 'available_at',
      basisAmount: 'basis_amount',
      partnerId: 'partner_id',
      programId: 'program_id',
      referralId: 'referral_id',
    });
    // Which approved entries a payout holds (its payout lines): a second, small query, only
    // when there are approved entries (a fresh order's are pending, so the hot path of order
    // ingestion skips it).
    const approved = rows.filter((row) => row.state === 'approved').map((row) => row.id);
    const owned = new Set<number>();
    if (approved.length > 0) {
      const query = knex(`${tableOf(strapi, PAYOUT_LINE)} as l`)
        .join(`${tableOf(strapi, PAYOUT)} as p`, 'p.id', 'l.payout_id')
        .whereIn('l.commission_id', approved)
        .whereIn('p.state', [...OWNING_PAYOUT])
        .select({ entry: 'l.commission_id' });
      if (lockingRead) query.forShare();
      for (const line of await query) owned.add(Number(line.entry));
    }
    return rows.map((row) => ({
      idempotencyKey: row.idempotencyKey,
      level: Number(row.level) as LedgerEntry['level'],
      kind: row.kind,
      amount: Number(row.amount),
      currency: row.currency,
      state: row.state === 'approved' && owned.has(Number(row.id)) ? 'paid' : row.state,
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
