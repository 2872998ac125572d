import { dueIfStartedBefore, entryDueAt } from '../../../plugin/payouts';

describe('entryDueAt', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    [
      'earnings wait for the payment terms',
      2000,
      '2026-01-20T00:00:00Z',
      null,
      15,
      at('2026-02-04T00:00:00Z'),
    ],
    [
      'no terms: due when available',
      2000,
      '2026-01-20T00:00:00Z',
      null,
      0,
      at('2026-01-20T00:00:00Z'),
    ],
    [
      'a clawback is due when available, terms or not',
      -2000,
      '2026-01-20T00:00:00Z',
      null,
      30,
      at('2026-01-20T00:00:00Z'),
    ],
    [
      'without availableAt, from the approval',
      2000,
      null,
      '2026-01-22T00:00:00Z',
      10,
      at('2026-02-01T00:00:00Z'),
    ],
    ['neither date: due at once', 2000, null, null, 10, null],
  ])('%s', (_label, amount, availableAt, approvedAt, payoutTermDays, due) => {
    expect(entryDueAt({ amount, availableAt, approvedAt, payoutTermDays })).toBe(due);
  });
});

describe('dueIfStartedBefore', () => {
  const cutOff = '2026-02-01T00:00:00Z';
  /** What the database selects: no date, or a start before the instant for the entry. */
  const selected = (
    amount: number,
    availableAt: string | null,
    approvedAt: string | null,
    payoutTermDays: number
  ) => {
    const started = availableAt ?? approvedAt;
    return (
      started === null || Date.parse(started) < dueIfStartedBefore(cutOff, payoutTermDays, amount)
    );
  };

  it.each([
    [
      'due one millisecond before the cut-off: paid',
      2000,
      '2026-01-31T23:59:59.999Z',
      null,
      0,
      true,
    ],
    ['due at the cut-off (first instant of February): next month', 2000, cutOff, null, 0, false],
    [
      'available 20 Jan, net 15: due 4 Feb, next month',
      2000,
      '2026-01-20T00:00:00Z',
      null,
      15,
      false,
    ],
    ['available 10 Jan, net 15: due 25 Jan, paid', 2000, '2026-01-10T00:00:00Z', null, 15, true],
    ['available 1 Dec, net 60: due 30 Jan, paid', 2000, '2025-12-01T00:00:00Z', null, 60, true],
    [
      'a clawback on 30 Jan, net 30: due when available',
      -500,
      '2026-01-30T00:00:00Z',
      null,
      30,
      true,
    ],
    ['no availableAt: the approval date counts', 2000, null, '2026-01-20T00:00:00Z', 0, true],
    ['no availableAt, approved in February', 2000, null, '2026-02-02T00:00:00Z', 0, false],
    ['neither date (typed in by hand): due at once', 2000, null, null, 10, true],
  ])('%s', (_label, amount, availableAt, approvedAt, payoutTermDays, due) => {
    expect(selected(amount, availableAt, approvedAt, payoutTermDays)).toBe(due);
    // The same answer as entryDueAt's, which the rest of the plugin reads.
    const dueAt = entryDueAt({ amount, availableAt, approvedAt, payoutTermDays });
    expect(dueAt === null || dueAt < Date.parse(cutOff)).toBe(due);
  });
});
