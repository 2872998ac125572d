import { orderEarns } from '../../../../plugin/orders';
import type { OrderView } from '../orders';

/** What the site sees of an order it reported, and of the ledger entries it produced. */
export const toOrderResponse = (order: OrderView) => ({
  documentId: order.documentId,
  externalId: order.externalId,
  amount: order.amount,
  currency: order.currency,
  status: order.state,
  refundedAmount: order.refundedAmount,
  paidAt: order.paidAt,
  partner: order.partner
    ? { documentId: order.partner.documentId, name: order.partner.name }
    : null,
  program: order.program
    ? { documentId: order.program.documentId, slug: order.program.slug, name: order.program.name }
    : null,
  ineligibleReason: order.ineligibleReason ?? null,
  earns: orderEarns({
    state: order.state,
    amount: order.amount,
    refundedAmount: order.refundedAmount,
    hasPartner: Boolean(order.partner),
    ineligibleReason: order.ineligibleReason,
  }),
  commissions: order.commissions.map((entry) => ({
    documentId: entry.documentId,
    level: entry.level,
    kind: entry.kind,
    amount: entry.amount,
    currency: entry.currency,
    status: entry.state,
    availableAt: entry.availableAt,
    explanation: entry.explanation,
    idempotencyKey: entry.idempotencyKey,
  })),
});
