/**
 * Whether an order earns its partner a commission, as the admin's "Earns" column and the order
 * response say it: `yes` only for a paid, attributed, eligible order with something left after
 * refunds. A fully refunded order earns nothing (its entries are reversed or clawed back).
 */
export const ORDER_EARNS = [
  'yes',
  'not-yet-paid',
  'failed',
  'refunded',
  'ineligible',
  'unattributed',
] as const;
export type OrderEarns = (typeof ORDER_EARNS)[number];

export function orderEarns(order: {
  state: string;
  amount: number;
  refundedAmount: number | null | undefined;
  hasPartner: boolean;
  ineligibleReason: string | null | undefined;
}): OrderEarns {
  if (!order.hasPartner) return 'unattributed';
  if (order.ineligibleReason) return 'ineligible';
  if (order.state === 'failed') return 'failed';
  const refunded = order.refundedAmount ?? 0;
  if (order.state === 'refunded' || (refunded > 0 && refunded >= order.amount)) return 'refunded';
  if (order.state === 'pending') return 'not-yet-paid';
  return 'yes';
}
