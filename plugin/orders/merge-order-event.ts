import type { OrderStatus } from '../model';
import { toEpochMs, toIsoString, type Instant } from '../time';

/**
 * An order's payment history folded into a state that only moves forward, so duplicated and
 * reordered events (webhook retries, Stripe's out-of-order delivery) converge: merging is
 * commutative, associative and idempotent. Paid beats failed, the earliest `paidAt` wins,
 * refunds are cumulative amounts (the largest seen wins, capped at the order amount), and a lost
 * dispute is final.
 */
export interface OrderPaymentState {
  amount: number;
  paidAt: string | null;
  failed: boolean;
  /** Cumulative, in minor units. */
  refundedAmount: number;
  dispute: 'none' | 'open' | 'won' | 'lost';
}

export type OrderEvent =
  | { type: 'paid'; paidAt: Instant }
  | { type: 'failed' }
  /** `refundedAmount` is the cumulative total refunded so far (Stripe's `amount_refunded`). */
  | { type: 'refunded'; refundedAmount: number }
  | { type: 'dispute-opened' }
  | { type: 'dispute-won' }
  | { type: 'dispute-lost' };

const DISPUTE_RANK = { none: 0, open: 1, won: 2, lost: 3 } as const;

export function initialOrderPaymentState(amount: number): OrderPaymentState {
  return { amount, paidAt: null, failed: false, refundedAmount: 0, dispute: 'none' };
}

export function mergeOrderEvent(state: OrderPaymentState, event: OrderEvent): OrderPaymentState {
  switch (event.type) {
    case 'paid': {
      const paidAt = toIsoString(event.paidAt);
      const earliest =
        state.paidAt === null || toEpochMs(paidAt) < toEpochMs(state.paidAt)
          ? paidAt
          : state.paidAt;
      return { ...state, paidAt: earliest };
    }
    case 'failed':
      return { ...state, failed: true };
    case 'refunded': {
      if (!Number.isSafeInteger(event.refundedAmount) || event.refundedAmount < 0) {
        throw new RangeError(
          `refundedAmount must be a non-negative integer, got ${event.refundedAmount}`
        );
      }
      const refunded = Math.min(Math.max(state.refundedAmount, event.refundedAmount), state.amount);
      return { ...state, refundedAmount: refunded };
    }
    case 'dispute-opened':
    case 'dispute-won':
    case 'dispute-lost': {
      const outcome =
        event.type === 'dispute-opened' ? 'open' : event.type === 'dispute-won' ? 'won' : 'lost';
      return DISPUTE_RANK[outcome] > DISPUTE_RANK[state.dispute]
        ? { ...state, dispute: outcome }
        : state;
    }
  }
}

/**
 * The stored `state` of an order with these payment facts. A refund implies a payment, so refunds
 * and disputes decide it even when the `paid` event has not arrived yet.
 */
export function orderStatusOf(state: OrderPaymentState): OrderStatus {
  if (state.dispute === 'lost') return 'disputed';
  if (state.refundedAmount > 0 && state.refundedAmount >= state.amount) return 'refunded';
  if (state.dispute === 'open') return 'disputed';
  if (state.refundedAmount > 0) return 'partially-refunded';
  if (state.paidAt !== null) return 'paid';
  return state.failed ? 'failed' : 'pending';
}
