import type { Instant } from '../time';
import type { OrderEvent } from './merge-order-event';

/**
 * What a status the site reports (`POST /orders`) means for the payment state: `paid` is a
 * payment at `paidAt`, or now when the site did not say; `pending` says nothing new, so a replay
 * of an earlier snapshot never takes a payment back.
 */
export function reportedStatusEvents(
  reported: { status: 'pending' | 'paid' | 'failed'; paidAt?: Instant | null },
  now: Instant
): OrderEvent[] {
  switch (reported.status) {
    case 'paid':
      return [{ type: 'paid', paidAt: reported.paidAt ?? now }];
    case 'failed':
      return [{ type: 'failed' }];
    case 'pending':
      return [];
  }
}
