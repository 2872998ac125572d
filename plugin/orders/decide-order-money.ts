import { formatMoney } from '../currency';
import type { Instant } from '../time';

export interface OrderMoney {
  amount: number;
  currency: string;
}

export type OrderMoneyDecision =
  ({ kind: 'use' } & OrderMoney) | { kind: 'reject'; reason: string };

/**
 * Which amount wins when an order is reported again. The site's own report (`authoritative`)
 * may correct an unpaid order; an event about a payment (a refund or dispute naming it) never
 * changes what was stored. Once paid, amount and currency are fixed: a different authoritative
 * amount is refused, and the site sends a refund instead.
 */
export function decideOrderMoney(input: {
  externalId: string;
  stored: OrderMoney & { paidAt: Instant | null };
  reported: OrderMoney;
  authoritative: boolean;
}): OrderMoneyDecision {
  const { stored, reported } = input;
  const paid = stored.paidAt !== null;
  if (!input.authoritative && paid) {
    return { kind: 'use', amount: stored.amount, currency: stored.currency };
  }
  const changed = stored.amount !== reported.amount || stored.currency !== reported.currency;
  if (changed && paid) {
    return {
      kind: 'reject',
      reason:
        `Order "${input.externalId}" was recorded as ${formatMoney(stored.amount, stored.currency)}; ` +
        'its amount and currency cannot change once paid. Send a refund instead.',
    };
  }
  return { kind: 'use', amount: reported.amount, currency: reported.currency };
}
