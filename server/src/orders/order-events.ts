import type { Core } from '@strapi/strapi';
import type { OrderEventPayload } from '../../../plugin/contracts/webhooks';
import { afterCommit, emitEvent } from '../platform/events';
import { idOrNull, iso, type RawRow } from '../platform/rows';

/** The payload of `partners.order.attributed`: the order's facts, no customer fields. */
export const orderEvent = (order: RawRow): OrderEventPayload => ({
  order: {
    id: Number(order.id),
    documentId: String(order.documentId),
    externalId: String(order.externalId),
    partnerId: Number(order.partnerId),
    programId: idOrNull(order.programId),
    referralId: idOrNull(order.referralId),
    amount: Number(order.amount),
    refundedAmount: Number(order.refundedAmount ?? 0),
    currency: String(order.currency),
    status: String(order.state),
    paidAt: iso(order.paidAt),
    source: (order.source as string | null) ?? null,
    ineligibleReason: (order.ineligibleReason as string | null) ?? null,
  },
});

/**
 * `partners.order.attributed` after the commit, when a settlement gave the order a partner it
 * did not have (or another one): once per attribution, not per delivery of the order. `order`
 * is the row as this transaction leaves it (it holds the row's lock), so the event needs no
 * query.
 */
export const announceAttribution = (strapi: Core.Strapi, order: RawRow, before: number | null) => {
  const after = idOrNull(order.partnerId);
  if (after === null || after === before) return Promise.resolve();
  const payload = orderEvent(order);
  return afterCommit(strapi, () => emitEvent(strapi, 'partners.order.attributed', payload));
};
