import { planPayoutRun, type PayableEntry } from '../../../plugin/payouts';

/** SPEC §10: the monthly payout run, per partner and currency. */

let nextId = 1;
const entry = (overrides: Partial<PayableEntry> = {}): PayableEntry => ({
  id: nextId++,
  partnerId: 1,
  currency: 'USD',
  amount: 6000,
  availableAt: '2026-01-15T10:00:00Z',
  approvedAt: '2026-01-15T10:05:00Z',
  payoutTermDays: 0,
  payoutMinimum: 10000,
  ...overrides,
});

const summary = (period: string, entries: PayableEntry[]) => {
  const plan = planPayoutRun(period, entries);
  return {
    payouts: plan.payouts.map((payout) => [payout.partnerId, payout.currency, payout.amount]),
    carriedOver: plan.carriedOver.map((balance) => [
      balance.partnerId,
      balance.currency,
      balance.amount,
      balance.reason,
    ]),
  };
};

describe('planPayoutRun', () => {
  it('carries a $60 balance under a $100 minimum over, and pays $120 the month after', () => {
    const january = entry({ amount: 6000, availableAt: '2026-01-10T00:00:00Z' });
    const february = entry({ amount: 6000, availableAt: '2026-02-10T00:00:00Z' });
    expect(summary('2026-01', [january, february])).toEqual({
      payouts: [],
      carriedOver: [[1, 'USD', 6000, 'below-minimum']],
    });
    const plan = planPayoutRun('2026-02', [january, february]);
    expect(plan.payouts).toEqual([
      {
        idempotencyKey: 'payout:1:USD:2026-02',
        partnerId: 1,
        currency: 'USD',
        amount: 12000,
        period: '2026-02',
        periodStart: '2026-02-01',
        periodEnd: '2026-02-28',
        minimum: 10000,
        entryIds: [january.id, february.id],
      },
    ]);
  });

  it.each([
    ['due one millisecond before the cut-off: paid', '2026-01-31T23:59:59.999Z', 0, 1],
    ['due at the cut-off (first instant of February): next month', '2026-02-01T00:00:00Z', 0, 0],
    ['available 20 Jan, net 15: due 4 Feb, next month', '2026-01-20T00:00:00Z', 15, 0],
    ['available 10 Jan, net 15: due 25 Jan, paid', '2026-01-10T00:00:00Z', 15, 1],
    ['available 1 Dec, net 60: due 30 Jan, paid', '2025-12-01T00:00:00Z', 60, 1],
  ])('payment terms: %s', (_label, availableAt, payoutTermDays, payouts) => {
    const plan = planPayoutRun('2026-01', [entry({ amount: 20000, availableAt, payoutTermDays })]);
    expect(plan.payouts).toHaveLength(payouts);
    // An entry not due yet is not a carried balance: it is simply not in this run.
    expect(plan.carriedOver).toHaveLength(0);
  });

  it('nets a clawback as soon as it is available, whatever the payment terms', () => {
    const earned = entry({ amount: 30000, availableAt: '2026-01-05T00:00:00Z', payoutTermDays: 0 });
    const clawback = entry({
      amount: -5000,
      availableAt: '2026-01-30T00:00:00Z',
      payoutTermDays: 30,
    });
    expect(summary('2026-01', [earned, clawback]).payouts).toEqual([[1, 'USD', 25000]]);
  });

  it.each([
    ['a clawback larger than the earnings', [12000, -15000], -3000],
    ['a clawback that takes back exactly the earnings', [12000, -12000], 0],
  ])('pays nothing for %s and carries the balance', (_label, amounts, net) => {
    expect(
      summary(
        '2026-01',
        amounts.map((amount) => entry({ amount }))
      )
    ).toEqual({
      payouts: [],
      carriedOver: [[1, 'USD', net, 'not-positive']],
    });
  });

  it('holds a partner in several programs to the highest of their minimums', () => {
    const low = entry({ amount: 4000, payoutMinimum: 2500 });
    const high = entry({ amount: 4000, payoutMinimum: 10000 });
    expect(summary('2026-01', [low, high])).toEqual({
      payouts: [],
      carriedOver: [[1, 'USD', 8000, 'below-minimum']],
    });
    expect(summary('2026-01', [low, high, entry({ amount: 2000, payoutMinimum: 0 })])).toEqual({
      payouts: [[1, 'USD', 10000]],
      carriedOver: [],
    });
  });

  it('makes one payout per partner and currency, in a stable order', () => {
    const entries = [
      entry({ partnerId: 7, currency: 'USD', amount: 10000 }),
      entry({ partnerId: 3, currency: 'USD', amount: 10000 }),
      entry({ partnerId: 3, currency: 'EUR', amount: 15000 }),
      entry({ partnerId: 7, currency: 'USD', amount: 500 }),
    ];
    const plan = planPayoutRun('2026-01', entries);
    expect(plan.payouts.map((payout) => payout.idempotencyKey)).toEqual([
      'payout:3:EUR:2026-01',
      'payout:3:USD:2026-01',
      'payout:7:USD:2026-01',
    ]);
    expect(plan.payouts[2].amount).toBe(10500);
    expect(planPayoutRun('2026-01', [...entries].reverse())).toEqual(plan);
  });

  it.each([
    ['no availableAt: the approval date counts', null, '2026-01-20T00:00:00Z', 1],
    ['no availableAt, approved in February', null, '2026-02-02T00:00:00Z', 0],
    ['neither date (typed in by hand): due at once', null, null, 1],
  ])('%s', (_label, availableAt, approvedAt, payouts) => {
    const plan = planPayoutRun('2026-01', [entry({ amount: 15000, availableAt, approvedAt })]);
    expect(plan.payouts).toHaveLength(payouts);
  });

  it('treats an entry without a program as having no minimum', () => {
    expect(summary('2026-01', [entry({ amount: 1, payoutMinimum: null })]).payouts).toEqual([
      [1, 'USD', 1],
    ]);
  });

  it('refuses a period that is not a month', () => {
    expect(() => planPayoutRun('2026-13', [])).toThrow(RangeError);
    expect(() => planPayoutRun('2026-1', [])).toThrow(RangeError);
  });
});
