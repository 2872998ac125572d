import { planPayoutRun, type PayableBalance } from '../../../plugin/payouts';

/** SPEC §10: the monthly payout run, per partner and currency balance. */

const balance = (overrides: Partial<PayableBalance> = {}): PayableBalance => ({
  partnerId: 1,
  currency: 'USD',
  amount: 6000,
  minimum: 10000,
  entries: 1,
  ...overrides,
});

const summary = (period: string, balances: PayableBalance[]) => {
  const plan = planPayoutRun(period, balances);
  return {
    payouts: plan.payouts.map((payout) => [payout.partnerId, payout.currency, payout.amount]),
    carriedOver: plan.carriedOver.map((carried) => [
      carried.partnerId,
      carried.currency,
      carried.amount,
      carried.reason,
    ]),
  };
};

describe('planPayoutRun', () => {
  it('carries a $60 balance under a $100 minimum over, and pays $120 the month after', () => {
    expect(summary('2026-01', [balance({ amount: 6000 })])).toEqual({
      payouts: [],
      carriedOver: [[1, 'USD', 6000, 'below-minimum']],
    });
    const plan = planPayoutRun('2026-02', [balance({ amount: 12000, entries: 2 })]);
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
        entries: 2,
      },
    ]);
    expect(plan.cutOff).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each([
    ['exactly the minimum: paid', 10000, 10000, 1, []],
    ['one cent under the minimum: carried', 9999, 10000, 0, ['below-minimum']],
    ['a clawback larger than the earnings', -3000, 10000, 0, ['not-positive']],
    ['a clawback that takes back exactly the earnings', 0, 0, 0, ['not-positive']],
    ['no minimum: one cent is paid', 1, 0, 1, []],
  ])('%s', (_label, amount, minimum, payouts, reasons) => {
    const plan = planPayoutRun('2026-01', [balance({ amount, minimum })]);
    expect(plan.payouts).toHaveLength(payouts);
    expect(plan.carriedOver.map((carried) => carried.reason)).toEqual(reasons);
  });

  it('makes one payout per partner and currency, in a stable order', () => {
    const balances = [
      balance({ partnerId: 7, currency: 'USD', amount: 10500 }),
      balance({ partnerId: 3, currency: 'USD', amount: 10000 }),
      balance({ partnerId: 3, currency: 'EUR', amount: 15000 }),
    ];
    const plan = planPayoutRun('2026-01', balances);
    expect(plan.payouts.map((payout) => payout.idempotencyKey)).toEqual([
      'payout:3:EUR:2026-01',
      'payout:3:USD:2026-01',
      'payout:7:USD:2026-01',
    ]);
    expect(plan.payouts[2].amount).toBe(10500);
    expect(planPayoutRun('2026-01', [...balances].reverse())).toEqual(plan);
  });

  it('refuses a period that is not a month', () => {
    expect(() => planPayoutRun('2026-13', [])).toThrow(RangeError);
    expect(() => planPayoutRun('2026-1', [])).toThrow(RangeError);
  });
});
