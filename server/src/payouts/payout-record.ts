import type { PayoutMethod } from '../../../plugin/contracts/payouts';
import type { PayoutStatus } from '../../../plugin/model';
import { iso, type RawRow } from '../platform/rows';

/** A payout row as it leaves the database: the partner a plain id, instants ISO 8601. */
export interface PayoutRecord {
  id: number;
  documentId: string;
  partnerId: number;
  currency: string;
  /** Minor units. */
  amount: number;
  /** The period's first and last day ("2026-01-01", "2026-01-31"). */
  periodStart: string | null;
  periodEnd: string | null;
  state: PayoutStatus;
  /** The partner's payout method when the payout was made (details included: never answered). */
  method: PayoutMethod | null;
  reference: string | null;
  idempotencyKey: string;
  paidAt: string | null;
  failureReason: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

const stringOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** Parses a whole row of `strapi.db.query(payout)` (camelCase attributes) into a record. */
export const toPayoutRecord = (row: RawRow): PayoutRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  partnerId: Number(row.partnerId),
  currency: String(row.currency),
  amount: Number(row.amount),
  periodStart: stringOrNull(row.periodStart),
  periodEnd: stringOrNull(row.periodEnd),
  state: row.state as PayoutStatus,
  method: (row.method as PayoutMethod | null | undefined) ?? null,
  reference: stringOrNull(row.reference),
  idempotencyKey: String(row.idempotencyKey),
  paidAt: iso(row.paidAt),
  failureReason: stringOrNull(row.failureReason),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});
