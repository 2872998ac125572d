import {
  computeStatement,
  type StatementEntryRow,
  type StatementPayoutRow,
} from '../../../plugin/payouts';

/** SPEC §8/§10: monthly statements — opening balance, entries, payouts, closing balance. */

let nextId = 1;
const entry = (overrides: Partial<StatementEntryRow>): StatementEntryRow => ({
  id: nextId++,
  amount: 2000,
  currency: 'USD',
  kind: 'sale',
  state: 'approved',
  approvedAt: '2026-01-10T00:00:00Z',
  reversedAt: null,
  summary: '20% of $100.00 = $20.00',
  ...overrides,
});
const payout = (overrides: Partial<StatementPayoutRow>): StatementPayoutRow => ({
  id: nextId++,
  amount: 10000,
  currency: 'USD',
  state: 'paid',
  paidAt: '2026-02-03T00:00:00Z',
  reference: 'tr_1',
  ...overrides,
});

describe('computeStatement', () => {
  const entries = [
    entry({ amount: 6000, approvedAt: '2025-12-20T00:00:00Z', state: 'paid' }),
    entry({ amount: 6000, approvedAt: '2026-01-05T00:00:00Z', state: 'paid' }),
    entry({ amount: 2500, approvedAt: '2026-01-20T00:00:00Z' }),
    // Approved in January, reversed after a refund in February.
    entry({
      amount: 1000,
      approvedAt: '2026-01-25T00:00:00Z',
      state: 'reversed',
      reversedAt: '2026-02-10T00:00:00Z',
    }),
    entry({ amount: -3000, kind: 'clawback', approvedAt: '2026-02-12T00:00:00Z' }),
    // Never approved: not owed, never on a statement.
    entry({ amount: 9999, state: 'pending', approvedAt: null }),
    entry({
      amount: 9999,
      state: 'reversed',
      approvedAt: null,
      reversedAt: '2026-01-02T00:00:00Z',
    }),
    entry({ amount: 7777, currency: 'EUR' }),
  ];
  const payouts = [
    payout({ amount: 12000, paidAt: '2026-02-03T00:00:00Z' }),
    payout({ amount: 500, state: 'failed', paidAt: null }),
    payout({ amount: 4000, state: 'pending', paidAt: null }),
  ];

  it('January: opening balance, entries approved in the month, closing balance', () => {
    const statement = computeStatement({ month: '2026-01', currency: 'USD', entries, payouts });
    expect(statement).toMatchObject({
      openingBalance: 6000,
      totals: { earned: 9500, deducted: 0, paidOut: 0 },
      closingBalance: 15500,
      payouts: [],
    });
    expect(statement.lines.map((line) => [line.type, line.amount, line.at])).toEqual([
      ['entry', 6000, '2026-01-05T00:00:00.000Z'],
      ['entry', 2500, '2026-01-20T00:00:00.000Z'],
      ['entry', 1000, '2026-01-25T00:00:00.000Z'],
    ]);
  });

  it('February: the payout, the reversal and the clawback; opening = January closing', () => {
    const statement = computeStatement({ month: '2026-02', currency: 'USD', entries, payouts });
    expect(statement).toMatchObject({
      openingBalance: 15500,
      totals: { earned: 0, deducted: -4000, paidOut: 12000 },
      closingBalance: -500,
    });
    expect(statement.lines.map((line) => [line.type, line.kind, line.amount])).toEqual([
      ['reversal', 'sale', -1000],
      ['entry', 'clawback', -3000],
    ]);
    expect(statement.payouts).toEqual([
      { at: '2026-02-03T00:00:00.000Z', payoutId: payouts[0].id, amount: 12000, reference: 'tr_1' },
    ]);
  });

  it('never changes once the month is over', () => {
    const later = [...entries, entry({ amount: 5000, approvedAt: '2026-03-02T00:00:00Z' })];
    expect(
      computeStatement({ month: '2026-01', currency: 'USD', entries: later, payouts })
    ).toEqual(computeStatement({ month: '2026-01', currency: 'USD', entries, payouts }));
  });

  it('keeps currencies apart', () => {
    const statement = computeStatement({ month: '2026-01', currency: 'EUR', entries, payouts });
    expect(statement).toMatchObject({ openingBalance: 0, closingBalance: 7777 });
  });
});
