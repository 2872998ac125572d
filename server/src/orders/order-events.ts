import type { Core } from '@strapi/strapi';
import type { OrderEventPayload } from '../../../plugin/contracts/webhooks';
import { uid } from '../../../plugin/model';
import { afterCommit, emitEvent } from '../platform/events';
import { idOrNull, iso, type RawRow } from '../platform/rows';

const ORDER = uid('order');

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
 * did not have (or another one): once per attribution, not per delivery of the order.
 */
export const announceAttribution = (
  strapi: Core.Strapi,
  orderId: number,
  before: number | null,
  after: number | null | undefined
) => {
  if (after == null || after === before) return Promise.resolve();
  return afterCommit(strapi, async () => {
    const order: RawRow | null = await strapi.db.query(ORDER).findOne({ where: { id: orderId } });
    if (order?.partnerId != null) {
      await emitEvent(strapi, 'partners.order.attributed', orderEvent(order));
    }
  });
};
