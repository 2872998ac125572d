import { formatMoney } from '../currency';
import { toIsoString, type Instant } from '../time';

/** A refund already applied to an order, kept on it so a replay is recognised. */
export interface AppliedRefund {
  id: string;
  amount: number;
  at: string;
}

export type RefundDecision =
  | { kind: 'replay' }
  | { kind: 'reject'; reason: string }
  /** `refundedAmount` is the order's new cumulative total. */
  | { kind: 'apply'; refundedAmount: number; refund: AppliedRefund };

/**
 * `POST /orders/:externalId/refunds`: a refund of `amount` (this refund, not a running total).
 * Only a paid order can be refunded, never past what is left of it (the refund ceiling), and a
 * refund whose `refundId` was applied before changes nothing.
 */
export function decideRefund(
  order: {
    externalId: string;
    amount: number;
    currency: string;
    paidAt: Instant | null;
    refundedAmount: number;
    refunds: readonly AppliedRefund[];
  },
  refund: { amount: number; refundId?: string },
  now: Instant
): RefundDecision {
  if (refund.refundId && order.refunds.some((applied) => applied.id === refund.refundId)) {
    return { kind: 'replay' };
  }
  if (order.paidAt === null) {
    return {
      kind: 'reject',
      reason: `Order "${order.externalId}" has not been paid; there is nothing to refund.`,
    };
  }
  const refundable = order.amount - order.refundedAmount;
  if (refund.amount > refundable) {
    return {
      kind: 'reject',
      reason:
        `The refund of ${formatMoney(refund.amount, order.currency)} exceeds what is left to ` +
        `refund on order "${order.externalId}" (${formatMoney(refundable, order.currency)}).`,
    };
  }
  return {
    kind: 'apply',
    refundedAmount: order.refundedAmount + refund.amount,
    refund: {
      id: refund.refundId ?? `refund-${order.refunds.length + 1}`,
      amount: refund.amount,
      at: toIsoString(now),
    },
  };
}
