import { calculateSaleCommissions } from '../../../plugin/commissions';
import { aProgram, aSale, anOrder, draftsOf, reasonOf, someFacts } from './builders';

/** SPEC §5.1, `recurringMonths`: null for life, 0 first order only, N months after the first. */

const FIRST = '2026-01-31T10:00:00.000Z';

function renewal(recurringMonths: number | null, paidAt: string, timezone = 'UTC') {
  return calculateSaleCommissions(
    aSale({
      program: aProgram({ recurringMonths, timezone }),
      order: anOrder({ id: 'renewal', paidAt }),
      facts: someFacts({
        isFirstPaidOrder: false,
        customerFirstPaidAt: FIRST,
        attributedAt: FIRST,
      }),
    })
  );
}

describe('recurring commissions', () => {
  it('calls the first paid order a sale, whatever recurringMonths says', () => {
    for (const months of [null, 0, 12]) {
      const [draft] = draftsOf(
        calculateSaleCommissions(aSale({ program: aProgram({ recurringMonths: months }) }))
      );
      expect(draft.kind).toBe('sale');
    }
  });

  it('pays renewals for life when recurringMonths is null', () => {
    const [draft] = draftsOf(renewal(null, '2036-01-31T10:00:00.000Z'));
    expect(draft.kind).toBe('recurring');
    expect(draft.explanation.summary).toBe(
      '$20.00 recurring commission for order ORD-1 (20% of $100.00)'
    );
  });

  it('pays nothing after the first order when recurringMonths is 0', () => {
    expect(reasonOf(renewal(0, '2026-02-28T10:00:00.000Z'))).toBe(
      "first-order-only: the program pays on the customer's first paid order only"
    );
  });

  it.each([
    ['1 month later, the last day of February', 1, '2026-02-28T10:00:00.000Z', false],
    ['the day before the 1-month anniversary', 1, '2026-02-27T23:59:59.000Z', true],
    ['the 12th monthly payment', 12, '2026-12-31T10:00:00.000Z', true],
    [
      'the 13th monthly payment, even if paid seconds earlier in the day',
      12,
      '2027-01-31T09:59:00.000Z',
      false,
    ],
    ['years later', 12, '2030-01-01T00:00:00.000Z', false],
  ])('with N months: %s', (_label, months, paidAt, earns) => {
    const result = renewal(months, paidAt);
    expect(result.eligible).toBe(earns);
    if (!earns) {
      expect(reasonOf(result)).toMatch(
        new RegExp(
          `^recurring-period-over: the program pays for ${months} months? after the customer's first order on 2026-01-31`
        )
      );
    }
  });

  it('counts months on calendar dates in the program time zone', () => {
    // First order 2026-01-31 10:00 UTC is still Jan 31 in New York; a payment at
    // 2026-02-28 03:00 UTC is Feb 27 22:00 there, so inside the one month.
    expect(renewal(1, '2026-02-28T03:00:00.000Z', 'America/New_York').eligible).toBe(true);
    expect(renewal(1, '2026-02-28T03:00:00.000Z', 'UTC').eligible).toBe(false);
  });

  it('requires the first paid date for a renewal', () => {
    expect(() =>
      calculateSaleCommissions(
        aSale({ facts: someFacts({ isFirstPaidOrder: false, customerFirstPaidAt: null }) })
      )
    ).toThrow(/customerFirstPaidAt/);
  });
});
