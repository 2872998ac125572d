import { ORDER_STATUSES } from '../../../plugin/model';
import { isPaidOrder, PAID_ORDER_STATUSES } from '../../../plugin/orders';

const PAID_AT = '2026-03-01T00:00:00Z';

describe('isPaidOrder: one definition of "paid"', () => {
  it.each([
    ['pending', 'pending', null, false],
    ['failed', 'failed', null, false],
    ['paid', 'paid', PAID_AT, true],
    ['partly refunded: still a payment, netted', 'partially-refunded', PAID_AT, true],
    ['refunded in full: it was paid once', 'refunded', PAID_AT, true],
    ['disputed: it was paid once', 'disputed', PAID_AT, true],
    ['a refund that arrived before its payment', 'partially-refunded', null, false],
    ['a paid status with no payment date yet', 'paid', null, false],
    ['a failed order with a stray paidAt', 'failed', PAID_AT, false],
    ['a status the plugin does not know', 'shipped', PAID_AT, false],
  ])('%s', (_label, status, paidAt, paid) => {
    expect(isPaidOrder({ state: status, paidAt })).toBe(paid);
  });

  it('lists, for SQL filters, every status but pending and failed', () => {
    expect([...PAID_ORDER_STATUSES].sort()).toEqual(
      ORDER_STATUSES.filter((status) => status !== 'pending' && status !== 'failed').sort()
    );
  });
});
