import { orderEarns } from '../../../../plugin/orders';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const relation = (value: Row | null | undefined, fields: string[]) =>
  value ? Object.fromEntries(fields.map((field) => [field, value[field] ?? null])) : null;

/** What the site sees of an order it reported, and of the ledger entries it produced. */
export const toOrderResponse = (order: Row & { commissions: Row[] }) => ({
  documentId: order.documentId,
  externalId: order.externalId,
  amount: order.amount,
  currency: order.currency,
  status: order.state,
  refundedAmount: order.refundedAmount,
  paidAt: order.paidAt,
  partner: relation(order.partner, ['documentId', 'name']),
  program: relation(order.program, ['documentId', 'slug', 'name']),
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
