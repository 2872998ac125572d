import {
  createDealRequestSchema,
  createLeadRequestSchema,
  listReferralsQuerySchema,
  putPayoutMethodRequestSchema,
  statsQuerySchema,
} from '../../../plugin/contracts/portal';

/** The portal's contracts: strict queries (no widening), clamped pages, validated bodies. */
describe('portal query contracts', () => {
  it('clamps pageSize to 100 and defaults page', () => {
    expect(listReferralsQuerySchema.parse({ pageSize: '1000' })).toEqual({
      page: 1,
      pageSize: 100,
    });
    expect(listReferralsQuerySchema.parse({ page: '2', pageSize: '10' })).toEqual({
      page: 2,
      pageSize: 10,
    });
  });

  it.each([
    [{ filters: { partner: 'abc' } }],
    [{ populate: '*' }],
    [{ partner: 'abc' }],
    [{ fields: ['email'] }],
    [{ pageSize: '0' }],
    [{ page: '-1' }],
    [{ status: 'everything' }],
    [{ program: '../x' }],
  ])('rejects %j', (query) => {
    expect(listReferralsQuerySchema.safeParse(query).success).toBe(false);
  });

  it('stats default to 4 weeks and know three ranges', () => {
    expect(statsQuerySchema.parse({})).toEqual({ range: '4w' });
    expect(statsQuerySchema.safeParse({ range: '1y' }).success).toBe(false);
  });
});

describe('portal body contracts', () => {
  it.each([
    [{ type: 'paypal', email: 'Pay@Example.com' }, true],
    [{ type: 'paypal', email: 'nope' }, false],
    [
      { type: 'bank', holder: 'Jane', routingNumber: '021000021', accountNumber: '123456789' },
      true,
    ],
    [
      { type: 'bank', holder: 'Jane', routingNumber: '021000022', accountNumber: '123456789' },
      false,
    ],
    [{ type: 'bank', holder: 'Jane', routingNumber: '021000021', accountNumber: '123' }, false],
    [
      { type: 'bank', holder: 'Jane', routingNumber: '021000021', accountNumber: '1'.repeat(18) },
      false,
    ],
    [{ type: 'bank', holder: '', routingNumber: '021000021', accountNumber: '12345' }, false],
    [{ type: 'credit' }, true],
    [{ type: 'stripe', accountId: 'acct_1' }, true],
    [{ type: 'stripe', accountId: 'not-an-account' }, false],
    [{ type: 'credit', extra: 1 }, false],
  ])('payout method %j → %s', (data, ok) => {
    // A change of payout details asks for the password again.
    expect(
      putPayoutMethodRequestSchema.safeParse({ data: { ...data, password: 'the-password' } })
        .success
    ).toBe(ok);
    expect(putPayoutMethodRequestSchema.safeParse({ data }).success).toBe(false);
  });

  it('normalises lead e-mails and drops empty optional names', () => {
    expect(
      createLeadRequestSchema.parse({
        data: { program: 'acme', email: ' Ada@Example.COM ', firstName: ' ' },
      }).data
    ).toEqual({ program: 'acme', email: 'ada@example.com' });
  });

  it('requires deal fields', () => {
    const deal = {
      program: 'acme',
      company: 'Initech',
      contactName: 'Bill',
      contactEmail: 'bill@initech.test',
      estimatedValue: 500000,
      currency: 'usd',
    };
    expect(createDealRequestSchema.parse({ data: deal }).data.currency).toBe('USD');
    expect(
      createDealRequestSchema.safeParse({ data: { ...deal, estimatedValue: 1.5 } }).success
    ).toBe(false);
    expect(createDealRequestSchema.safeParse({ data: { ...deal, company: '' } }).success).toBe(
      false
    );
    expect(createDealRequestSchema.safeParse({ data: { ...deal, currency: 'XXY' } }).success).toBe(
      false
    );
  });
});
