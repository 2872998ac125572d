import fc from 'fast-check';
import {
  decideOrderMoney,
  decideRefund,
  impliedPaymentFields,
  reportedStatusEvents,
  type AppliedRefund,
  type OrderEvent,
} from '../../../plugin/orders';

const NOW = '2026-06-01T00:00:00.000Z';
const PAID_AT = '2026-05-01T00:00:00.000Z';

describe('reportedStatusEvents: what a reported status means', () => {
  it.each<[string, 'pending' | 'paid' | 'failed', string | undefined, OrderEvent[]]>([
    ['paid at the time the site says', 'paid', PAID_AT, [{ type: 'paid', paidAt: PAID_AT }]],
    ['paid without a time: paid now', 'paid', undefined, [{ type: 'paid', paidAt: NOW }]],
    ['failed', 'failed', undefined, [{ type: 'failed' }]],
    ['pending says nothing new, so a replay never takes a payment back', 'pending', PAID_AT, []],
  ])('%s', (_label, status, paidAt, events) => {
    expect(reportedStatusEvents({ status, paidAt }, NOW)).toEqual(events);
  });
});

describe('impliedPaymentFields: what a written status implies', () => {
  it.each([
    ['pending: nothing', 'pending', null, 0, {}],
    ['failed: nothing', 'failed', null, 0, {}],
    ['paid without paidAt: paid now', 'paid', null, 0, { paidAt: NOW }],
    ['paid with paidAt: nothing', 'paid', PAID_AT, 0, {}],
    ['disputed without paidAt: paid now', 'disputed', null, 0, { paidAt: NOW }],
    ['refunded without an amount: in full', 'refunded', PAID_AT, null, { refundedAmount: 10000 }],
    [
      'refunded in part but marked refunded: in full',
      'refunded',
      PAID_AT,
      2500,
      { refundedAmount: 10000 },
    ],
    ['refunded in full already: nothing', 'refunded', PAID_AT, 10000, {}],
    ['partly refunded keeps its amount', 'partially-refunded', PAID_AT, 2500, {}],
  ])('%s', (_label, status, paidAt, refundedAmount, implied) => {
    expect(
      impliedPaymentFields({ state: status, amount: 10000, paidAt, refundedAmount }, NOW)
    ).toEqual(implied);
  });
});

describe('decideOrderMoney: which amount wins when an order repeats', () => {
  const stored = (paidAt: string | null) => ({ amount: 10000, currency: 'USD', paidAt });
  it.each([
    ['the site corrects an unpaid order', stored(null), 12000, 'USD', true, 12000],
    [
      'a payment event on an unpaid order sets its amount',
      stored(null),
      12000,
      'USD',
      false,
      12000,
    ],
    ['a replay of a paid order with the same amount', stored(PAID_AT), 10000, 'USD', true, 10000],
    [
      'a refund event naming a paid order keeps its amount',
      stored(PAID_AT),
      500,
      'USD',
      false,
      10000,
    ],
    ['a paid order cannot change amount', stored(PAID_AT), 12000, 'USD', true, 'reject'],
    ['a paid order cannot change currency', stored(PAID_AT), 10000, 'EUR', true, 'reject'],
  ])('%s', (_label, current, amount, currency, authoritative, expected) => {
    const decision = decideOrderMoney({
      externalId: 'o-1',
      stored: current,
      reported: { amount, currency },
      authoritative,
    });
    expect(decision.kind === 'use' ? decision.amount : decision.kind).toBe(expected);
  });

  it('tells the site to send a refund instead', () => {
    const decision = decideOrderMoney({
      externalId: 'o-1',
      stored: { amount: 10000, currency: 'USD', paidAt: PAID_AT },
      reported: { amount: 12000, currency: 'USD' },
      authoritative: true,
    });
    expect(decision).toEqual({
      kind: 'reject',
      reason:
        'Order "o-1" was recorded as $100.00; its amount and currency cannot change once paid. ' +
        'Send a refund instead.',
    });
  });
});

describe('decideRefund: the refund ceiling', () => {
  const order = (fields: {
    paidAt?: string | null;
    refundedAmount?: number;
    refunds?: AppliedRefund[];
  }) => ({
    externalId: 'o-1',
    amount: 10000,
    currency: 'USD',
    paidAt: PAID_AT,
    refundedAmount: 0,
    refunds: [],
    ...fields,
  });
  const earlier: AppliedRefund = { id: 're_1', amount: 2500, at: PAID_AT };

  it.each([
    ['a first refund', order({}), 2500, undefined, 'apply', 2500],
    [
      'up to the rest of the order',
      order({ refundedAmount: 2500, refunds: [earlier] }),
      7500,
      're_2',
      'apply',
      10000,
    ],
    [
      'past the rest of the order',
      order({ refundedAmount: 2500, refunds: [earlier] }),
      7501,
      're_2',
      'reject',
      null,
    ],
    [
      'a replay of an applied refund',
      order({ refundedAmount: 2500, refunds: [earlier] }),
      2500,
      're_1',
      'replay',
      null,
    ],
    [
      'a replay even after the order was refunded in full',
      order({ refundedAmount: 10000, refunds: [earlier] }),
      2500,
      're_1',
      'replay',
      null,
    ],
    ['an unpaid order', order({ paidAt: null }), 100, undefined, 'reject', null],
  ])('%s', (_label, current, amount, refundId, kind, refundedAmount) => {
    const decision = decideRefund(current, { amount, refundId }, NOW);
    expect(decision.kind).toBe(kind);
    expect(decision.kind === 'apply' ? decision.refundedAmount : null).toBe(refundedAmount);
  });

  it('names an unnamed refund after its position', () => {
    const decision = decideRefund(order({ refunds: [earlier] }), { amount: 100 }, NOW);
    expect(decision).toMatchObject({
      kind: 'apply',
      refund: { id: 'refund-2', amount: 100, at: NOW },
    });
  });

  it('never refunds more than the order, whatever refunds arrive', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6000 }), { maxLength: 12 }), (amounts) => {
        let current = order({});
        for (const amount of amounts) {
          const decision = decideRefund(current, { amount }, NOW);
          if (decision.kind !== 'apply') continue;
          current = {
            ...current,
            refundedAmount: decision.refundedAmount,
            refunds: [...current.refunds, decision.refund],
          };
        }
        expect(current.refundedAmount).toBeLessThanOrEqual(current.amount);
        expect(current.refunds.reduce((sum, refund) => sum + refund.amount, 0)).toBe(
          current.refundedAmount
        );
      })
    );
  });
});
