import { entryDueAt } from '../../../plugin/payouts';

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
