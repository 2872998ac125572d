import { payoutMethodSchema, type PayoutMethod } from '../contracts/payouts';

/**
 * The copy of a partner's payout method kept on a payout (`payout.method`): what the money was
 * sent to, without anything secret. Null when the partner has no usable method yet; the payout
 * still exists (the money is owed) and waits for one.
 */
export function snapshotPayoutMethod(method: unknown): PayoutMethod | null {
  const parsed = payoutMethodSchema.safeParse(method);
  if (!parsed.success) return null;
  const value = parsed.data;
  switch (value.type) {
    case 'paypal':
      return { type: 'paypal', email: value.email.toLowerCase() };
    case 'stripe':
      return { type: 'stripe', accountId: value.accountId };
    case 'credit':
      return { type: 'credit' };
    case 'bank':
      return {
        type: 'bank',
        ...(value.accountHolder ? { accountHolder: value.accountHolder } : {}),
        ...(value.last4 ? { last4: value.last4 } : {}),
        ...(value.country ? { country: value.country } : {}),
      };
  }
}
