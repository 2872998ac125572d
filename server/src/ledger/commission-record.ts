import type { Explanation } from '../../../plugin/commissions';
import type { CommissionKind, CommissionStatus } from '../../../plugin/model';
import { idOrNull, iso } from '../platform/rows';

/** A commission row as it leaves the database: references are plain ids, dates ISO 8601. */
export interface CommissionRecord {
  id: number;
  documentId: string;
  partnerId: number;
  programId: number;
  orderId: number | null;
  referralId: number | null;
  sourceCommissionId: number | null;
  /** The payout that owns the entry (its payout line), when the reader looked it up. */
  payoutId: number | null;
  level: 1 | 2;
  kind: CommissionKind;
  basisAmount: number;
  amount: number;
  currency: string;
  state: CommissionStatus;
  availableAt: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  reversedAt: string | null;
  explanation: Explanation | null;
  idempotencyKey: string;
  note: string | null;
  createdAt: string | null;
}

const parseJson = <T>(value: unknown): T | null =>
  value === null || value === undefined
    ? null
    : typeof value === 'string'
      ? (JSON.parse(value) as T)
      : (value as T);

/**
 * Parses a row of `strapi.db.query(commission)` (camelCase attributes) into a record; the owning
 * payout comes from `partners_payout_lines` (`payoutsOfEntries`).
 */
export const toCommissionRecord = (
  row: { [attribute: string]: unknown },
  payoutId: number | null = null
): CommissionRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  partnerId: Number(row.partnerId),
  programId: Number(row.programId),
  orderId: idOrNull(row.orderId),
  referralId: idOrNull(row.referralId),
  sourceCommissionId: idOrNull(row.sourceCommissionId),
  payoutId,
  level: Number(row.level) === 2 ? 2 : 1,
  kind: row.kind as CommissionKind,
  basisAmount: Number(row.basisAmount ?? 0),
  amount: Number(row.amount),
  currency: String(row.currency),
  state: row.state as CommissionStatus,
  availableAt: iso(row.availableAt),
  approvedAt: iso(row.approvedAt),
  paidAt: iso(row.paidAt),
  reversedAt: iso(row.reversedAt),
  explanation: parseJson<Explanation>(row.explanation),
  idempotencyKey: String(row.idempotencyKey),
  note: (row.note as string | null | undefined) ?? null,
  createdAt: iso(row.createdAt),
});
