import type { EngineOrderItem } from '../../../plugin/commissions';
import type { OrderSource, OrderStatus } from '../../../plugin/model';
import type { AppliedRefund, OrderPaymentState } from '../../../plugin/orders';
import { idOrNull, iso, type RawRow } from '../platform/rows';

/** An order row as it leaves the database: references are plain ids, dates ISO 8601. */
export interface OrderRecord {
  id: number;
  documentId: string;
  externalId: string;
  partnerId: number | null;
  programId: number | null;
  referralId: number | null;
  customerEmail: string | null;
  customerName: string | null;
  customerExternalId: string | null;
  /** Minor units. */
  amount: number;
  currency: string;
  items: readonly EngineOrderItem[] | null;
  state: OrderStatus;
  dispute: OrderPaymentState['dispute'];
  /** Cumulative, in minor units. */
  refundedAmount: number;
  /** The refunds applied so far, for replays of the same refund. */
  refunds: readonly AppliedRefund[] | null;
  paidAt: string | null;
  failureReason: string | null;
  couponCode: string | null;
  referralCode: string | null;
  visitorId: string | null;
  paidByPartner: boolean;
  subscriptionId: string | null;
  paymentReference: string | null;
  source: OrderSource;
  ineligibleReason: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** The columns a write may change: everything but the row's identity and timestamps. */
export type OrderChanges = Partial<
  Omit<OrderRecord, 'id' | 'documentId' | 'createdAt' | 'updatedAt'>
>;

const text = (value: unknown) => (value as string | null | undefined) ?? null;

/** Parses a row of `strapi.db.query(order)` (camelCase attributes) into a record. */
export const toOrderRecord = (row: RawRow): OrderRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  externalId: String(row.externalId),
  partnerId: idOrNull(row.partnerId),
  programId: idOrNull(row.programId),
  referralId: idOrNull(row.referralId),
  customerEmail: text(row.customerEmail),
  customerName: text(row.customerName),
  customerExternalId: text(row.customerExternalId),
  amount: Number(row.amount),
  currency: String(row.currency),
  items: (row.items as EngineOrderItem[] | null | undefined) ?? null,
  state: row.state as OrderStatus,
  dispute: (row.dispute as OrderPaymentState['dispute'] | null | undefined) ?? 'none',
  refundedAmount: Number(row.refundedAmount ?? 0),
  refunds: (row.refunds as AppliedRefund[] | null | undefined) ?? null,
  paidAt: iso(row.paidAt),
  failureReason: text(row.failureReason),
  couponCode: text(row.couponCode),
  referralCode: text(row.referralCode),
  visitorId: text(row.visitorId),
  paidByPartner: Boolean(row.paidByPartner),
  subscriptionId: text(row.subscriptionId),
  paymentReference: text(row.paymentReference),
  source: row.source as OrderSource,
  ineligibleReason: text(row.ineligibleReason),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});
