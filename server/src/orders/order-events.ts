import type { Core } from '@strapi/strapi';
import type { OrderEventPayload } from '../../../plugin/contracts/webhooks';
import { afterCommit, emitEvent } from '../platform/events';
import { iso } from '../platform/rows';
import type { OrderRecord } from './order-record';

/** The payload of `partners.order.attributed`: the order's facts, no customer fields. */
export const orderEvent = (order: OrderRecord, partnerId: number): OrderEventPayload => ({
  order: {
    id: order.id,
    documentId: order.documentId,
    externalId: order.externalId,
    partnerId,
    programId: order.programId,
    referralId: order.referralId,
    amount: order.amount,
    refundedAmount: order.refundedAmount,
    currency: order.currency,
    status: order.state,
    paidAt: iso(order.paidAt),
    source: order.source,
    ineligibleReason: order.ineligibleReason,
  },
});

/**
 * `partners.order.attributed` after the commit, when a settlement gave the order a partner it
 * did not have (or another one): once per attribution, not per delivery of the order. `order`
 * is the row as this transaction leaves it (it holds the row's lock), so the event needs no
 * query.
 */
export const announceAttribution = (
  strapi: Core.Strapi,
  order: OrderRecord,
  before: number | null
) => {
  const after = order.partnerId;
  if (after === null || after === before) return Promise.resolve();
  const payload = orderEvent(order, after);
  return afterCommit(strapi, () => emitEvent(strapi, 'partners.order.attributed', payload));
};
