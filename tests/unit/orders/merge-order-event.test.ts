import fc from 'fast-check';
import {
  initialOrderPaymentState,
  mergeOrderEvent,
  orderStatusOf,
  type OrderEvent,
  type OrderPaymentState,
} from '../../../plugin/orders';

const AMOUNT = 10000;
const fold = (events: OrderEvent[]): OrderPaymentState =>
  events.reduce(mergeOrderEvent, initialOrderPaymentState(AMOUNT));

const eventArb: fc.Arbitrary<OrderEvent> = fc.oneof(
  fc
    .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) })
    .map((ms) => ({ type: 'paid' as const, paidAt: new Date(ms).toISOString() })),
  fc.constant({ type: 'failed' as const }),
  fc
    .integer({ min: 0, max: AMOUNT * 2 })
    .map((refundedAmount) => ({ type: 'refunded' as const, refundedAmount })),
  fc.constantFrom<OrderEvent>(
    { type: 'dispute-opened' },
    { type: 'dispute-won' },
    { type: 'dispute-lost' }
  )
);

describe('mergeOrderEvent', () => {
  it.each([
    ['nothing yet', [], 'pending'],
    ['a declined charge', [{ type: 'failed' }], 'failed'],
    ['paid', [{ type: 'paid', paidAt: '2026-03-01T00:00:00Z' }], 'paid'],
    [
      'paid, then a late "failed" for the same order',
      [{ type: 'paid', paidAt: '2026-03-01T00:00:00Z' }, { type: 'failed' }],
      'paid',
    ],
    [
      'partly refunded',
      [
        { type: 'paid', paidAt: '2026-03-01T00:00:00Z' },
        { type: 'refunded', refundedAmount: 2500 },
      ],
      'partially-refunded',
    ],
    [
      'a refund arriving before the payment',
      [{ type: 'refunded', refundedAmount: 2500 }],
      'partially-refunded',
    ],
    [
      'refunded in full',
      [
        { type: 'refunded', refundedAmount: 2500 },
        { type: 'refunded', refundedAmount: 10000 },
      ],
      'refunded',
    ],
    [
      'a stale smaller refund after a full one',
      [
        { type: 'refunded', refundedAmount: 10000 },
        { type: 'refunded', refundedAmount: 2500 },
      ],
      'refunded',
    ],
    [
      'an open dispute',
      [{ type: 'paid', paidAt: '2026-03-01T00:00:00Z' }, { type: 'dispute-opened' }],
      'disputed',
    ],
    [
      'a won dispute',
      [
        { type: 'dispute-opened' },
        { type: 'paid', paidAt: '2026-03-01T00:00:00Z' },
        { type: 'dispute-won' },
      ],
      'paid',
    ],
    [
      'a lost dispute, whatever comes after',
      [
        { type: 'dispute-lost' },
        { type: 'dispute-won' },
        { type: 'paid', paidAt: '2026-03-01T00:00:00Z' },
      ],
      'disputed',
    ],
  ] as Array<[string, OrderEvent[], string]>)('%s', (_label, events, status) => {
    expect(orderStatusOf(fold(events))).toBe(status);
  });

  it('caps refunds at the order amount and keeps the earliest payment date', () => {
    const state = fold([
      { type: 'paid', paidAt: '2026-03-02T00:00:00Z' },
      { type: 'refunded', refundedAmount: 50000 },
      { type: 'paid', paidAt: '2026-03-01T00:00:00Z' },
    ]);
    expect(state).toMatchObject({ refundedAmount: AMOUNT, paidAt: '2026-03-01T00:00:00.000Z' });
  });

  it('refuses a fractional or negative refund', () => {
    const state = initialOrderPaymentState(AMOUNT);
    expect(() => mergeOrderEvent(state, { type: 'refunded', refundedAmount: 1.5 })).toThrow(
      RangeError
    );
    expect(() => mergeOrderEvent(state, { type: 'refunded', refundedAmount: -1 })).toThrow(
      RangeError
    );
  });

  it('converges: any order, any duplicates, same state', () => {
    const permuted = fc
      .array(eventArb, { maxLength: 12 })
      .chain((events) =>
        fc.tuple(
          fc.constant(events),
          fc.shuffledSubarray(events, { minLength: events.length }),
          fc.array(
            fc.constantFrom(...(events.length ? events : [{ type: 'failed' } as OrderEvent])),
            { maxLength: 4 }
          )
        )
      );
    fc.assert(
      fc.property(permuted, ([events, shuffled, duplicates]) => {
        const withDuplicates = events.length ? [...shuffled, ...duplicates] : shuffled;
        expect(fold(withDuplicates)).toEqual(fold(events));
      }),
      { numRuns: 500 }
    );
  });
});
