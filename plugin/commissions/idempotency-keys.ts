import type { CommissionLevel, EntityId } from './types';

/**
 * Deterministic keys for ledger entries; `commission.idempotencyKey` is unique in the database, so
 * a replayed event or a second node computing the same entry inserts nothing.
 *
 * Keys name the event and the level, never facts that may change between evaluations (tier,
 * amount, sale vs recurring): a re-evaluation with other facts must hit the same key.
 * Entries derived from an original (refund reversals, clawbacks) extend its key with ":".
 */

/** `order:<orderId>:l1:sale`: the commission of a paid order (kind sale or recurring). */
export function orderCommissionKey(orderId: EntityId, level: CommissionLevel): string {
  return `order:${orderId}:l${level}:sale`;
}

/** `referral:<referralId>:l1:signup` / `...:qualified-customer`: a referral bounty. */
export function referralCommissionKey(
  referralId: EntityId,
  level: CommissionLevel,
  trigger: 'signup' | 'qualified-customer'
): string {
  return `referral:${referralId}:l${level}:${trigger}`;
}

/**
 * `<originalKey>:refund:<cumulativeRefundedAmount>`: brings the original down to its share of
 * the amount left after that cumulative refund. One per cumulative amount, so a replayed refund
 * webhook collides with itself.
 */
export function refundReversalKey(originalKey: string, cumulativeRefundedAmount: number): string {
  return `${originalKey}:refund:${cumulativeRefundedAmount}`;
}

/** `<originalKey>:clawback`: takes back what is left of a paid original after a full reversal. */
export function clawbackKey(originalKey: string): string {
  return `${originalKey}:clawback`;
}

/** True when `key` was derived (by the reconciler) from the entry keyed `originalKey`. */
export function isDerivedKey(key: string, originalKey: string): boolean {
  return key.startsWith(`${originalKey}:`);
}
