import { toIsoString, type Instant } from '../time';
import { isPaidOrderStatus } from './is-paid-order';

/** A stored order as an editor or host code wrote it through the Document Service. */
export interface WrittenOrder {
  state: string;
  amount: number;
  paidAt: Instant | null;
  refundedAmount: number | null;
}

/**
 * The payment fields an order's status implies but the writer left out: a paid status without
 * `paidAt` was paid now, and `refunded` means refunded in full. Empty when nothing is missing.
 */
export function impliedPaymentFields(
  order: WrittenOrder,
  now: Instant
): { paidAt?: string; refundedAmount?: number } {
  const fields: { paidAt?: string; refundedAmount?: number } = {};
  if (isPaidOrderStatus(order.state) && order.paidAt === null) fields.paidAt = toIsoString(now);
  if (order.state === 'refunded' && (order.refundedAmount ?? 0) < order.amount) {
    fields.refundedAmount = order.amount;
  }
  return fields;
}
