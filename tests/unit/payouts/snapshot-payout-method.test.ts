import { snapshotPayoutMethod } from '../../../plugin/payouts';

describe('snapshotPayoutMethod', () => {
  it.each([
    [
      'PayPal',
      { type: 'paypal', email: 'Jane@Example.com' },
      { type: 'paypal', email: 'jane@example.com' },
    ],
    [
      'Stripe Connect',
      { type: 'stripe', accountId: 'acct_1Abc' },
      { type: 'stripe', accountId: 'acct_1Abc' },
    ],
    ['account credit', { type: 'credit' }, { type: 'credit' }],
    [
      'a bank account keeps no secret',
      { type: 'bank', accountHolder: 'Jane', last4: '6789', iban: 'DE89370400440532013000' },
      { type: 'bank', accountHolder: 'Jane', last4: '6789' },
    ],
    ['nothing set', null, null],
    ['an unknown type', { type: 'cheque' }, null],
    ['a PayPal method without an e-mail', { type: 'paypal' }, null],
    ['a Stripe method with a customer id', { type: 'stripe', accountId: 'cus_123' }, null],
  ])('%s', (_label, method, snapshot) => {
    expect(snapshotPayoutMethod(method)).toEqual(snapshot);
  });
});
