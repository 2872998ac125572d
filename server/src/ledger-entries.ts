import type { Core } from '@strapi/strapi';
import type { LedgerEntry } from '../../plugin/commissions';
import { uid } from '../../plugin/model';
import { joinTableOf, tableOf, withKnex } from './database';

const COMMISSION = uid('commission');
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const numberOrNull = (value: unknown) => (value == null ? null : Number(value));

/**
 * An order's ledger entries as the reconciler reads them, in one query over Strapi's link
 * tables (populating four relations would take five).
 */
export const ledgerOfOrder = (strapi: Core.Strapi, orderId: number): Promise<LedgerEntry[]> =>
  withKnex(strapi, async (knex) => {
    const [byOrder, byPartner, byProgram, byReferral] = [
      'order',
      'partner',
      'program',
      'referral',
    ].map((attribute) => joinTableOf(strapi, COMMISSION, attribute));
    const rows: Row[] = await knex(`${tableOf(strapi, COMMISSION)} as c`)
      .join(`${byOrder.table} as lo`, `lo.${byOrder.ownerColumn}`, 'c.id')
      .leftJoin(`${byPartner.table} as lp`, `lp.${byPartner.ownerColumn}`, 'c.id')
      .leftJoin(`${byProgram.table} as lg`, `lg.${byProgram.ownerColumn}`, 'c.id')
      .leftJoin(`${byReferral.table} as lr`, `lr.${byReferral.ownerColumn}`, 'c.id')
      .where(`lo.${byOrder.targetColumn}`, orderId)
      .orderBy('c.id')
      .select({
        idempotencyKey: 'c.idempotency_key',
        level: 'c.level',
        kind: 'c.kind',
        amount: 'c.amount',
        currency: 'c.currency',
        status: 'c.status',
        availableAt: 'c.available_at',
        basisAmount: 'c.basis_amount',
        partnerId: `lp.${byPartner.targetColumn}`,
        programId: `lg.${byProgram.targetColumn}`,
        referralId: `lr.${byReferral.targetColumn}`,
      });
    return rows.map((row) => ({
      idempotencyKey: row.idempotencyKey,
      level: Number(row.level) as LedgerEntry['level'],
      kind: row.kind,
      amount: Number(row.amount),
      currency: row.currency,
      status: row.status,
      availableAt: row.availableAt == null ? null : new Date(row.availableAt).toISOString(),
      basisAmount: numberOrNull(row.basisAmount),
      partnerId: Number(row.partnerId),
      programId: Number(row.programId),
      referralId: numberOrNull(row.referralId),
    }));
  });
