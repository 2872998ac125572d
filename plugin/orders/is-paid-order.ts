import type { OrderStatus } from '../model';
import type { Instant } from '../time';

/**
 * Statuses of an order that was paid once, whatever happened after: refunds are netted from it
 * and a dispute is settled on it, neither makes it unpaid. For SQL filters, with `paidAt` set.
 */
export const PAID_ORDER_STATUSES = [
  'paid',
  'partially-refunded',
  'refunded',
  'disputed',
] as const satisfies readonly OrderStatus[];

const PAID: ReadonlySet<string> = new Set(PAID_ORDER_STATUSES);

/** True for a status in `PAID_ORDER_STATUSES`. */
export function isPaidOrderStatus(status: string): boolean {
  return PAID.has(status);
}

/**
 * An order counts as paid when its state is one of `PAID_ORDER_STATUSES` and it knows when it
 * was paid: a refund that arrives before its payment leaves it unpaid until the payment arrives.
 */
export function isPaidOrder(order: { state: string; paidAt: Instant | null | undefined }): boolean {
  return isPaidOrderStatus(order.state) && order.paidAt !== null && order.paidAt !== undefined;
}
