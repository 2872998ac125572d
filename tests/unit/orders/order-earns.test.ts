import { orderEarns } from '../../../plugin/orders';

/** The "Earns" of an order (admin Orders page, order response). */
describe('orderEarns', () => {
  const paid = {
    state: 'paid',
    amount: 10000,
    refundedAmount: 0,
    hasPartner: true,
    ineligibleReason: null,
  };
  it.each([
    ['a paid attributed order', {}, 'yes'],
    [
      'a partially refunded order, something left',
      { state: 'partially-refunded', refundedAmount: 4000 },
      'yes',
    ],
    ['a fully refunded order', { state: 'refunded', refundedAmount: 10000 }, 'refunded'],
    [
      'refunds adding up to the amount before the status says so',
      { state: 'partially-refunded', refundedAmount: 10000 },
      'refunded',
    ],
    ['a disputed order, not yet lost', { state: 'disputed' }, 'yes'],
    ['a pending order', { state: 'pending' }, 'not-yet-paid'],
    ['a failed order', { state: 'failed' }, 'failed'],
    ['an ineligible order', { ineligibleReason: 'self-referral' }, 'ineligible'],
    [
      'an ineligible refunded order keeps its reason',
      { state: 'refunded', refundedAmount: 10000, ineligibleReason: 'self-referral' },
      'ineligible',
    ],
    ['an order without a partner', { hasPartner: false }, 'unattributed'],
    ['a free order (amount 0) that is paid', { amount: 0 }, 'yes'],
  ] as const)('%s', (_label, change, expected) => {
    expect(orderEarns({ ...paid, ...change })).toBe(expected);
  });
});
