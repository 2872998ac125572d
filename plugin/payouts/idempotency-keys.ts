import type { EntityId } from '../commissions/types';

/**
 * `payout:<partnerId>:<currency>:<YYYY-MM>`: one payout per partner, currency and period.
 * `payout.idempotencyKey` is unique in the database, so a second run of the period, on this node
 * or another, inserts nothing.
 */
export function payoutKey(partnerId: EntityId, currency: string, period: string): string {
  return `payout:${partnerId}:${currency}:${period}`;
}

/**
 * The Stripe `Idempotency-Key` of a payout's transfer: retrying after a crash sends the same key,
 * and Stripe answers with the transfer it already made instead of making another.
 */
export function transferKey(payoutIdempotencyKey: string): string {
  return `partners-transfer:${payoutIdempotencyKey}`;
}
