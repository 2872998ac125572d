import { calculateSaleCommissions } from '../../../plugin/commissions';
import type { ProductRate, Tier } from '../../../plugin/contracts/rules';
import { aParent, aProgram, aSale, anOrder, draftsOf, someFacts } from './builders';

/** SPEC §5, "Worked examples (keep them as tests)". */

describe('20% one-tier on a $100.00 order', () => {
  const drafts = draftsOf(calculateSaleCommissions(aSale()));

  it('pays $20.00 to the partner, pending for the holding period', () => {
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      idempotencyKey: 'order:order-1:l1:sale',
      partnerId: 'partner-1',
      programId: 'program-1',
      orderId: 'order-1',
      level: 1,
      kind: 'sale',
      basisAmount: 10000,
      rate: { type: 'percentage', bps: 2000 },
      amount: 2000,
      currency: 'USD',
      state: 'pending',
      availableAt: '2026-03-31T12:00:00.000Z',
      sourceKey: null,
    });
  });

  it('explains the amount in words', () => {
    expect(drafts[0].explanation.summary).toBe(
      '$20.00 commission for order ORD-1 (20% of $100.00)'
    );
    expect(drafts[0].explanation.steps).toEqual([
      'Order ORD-1 paid on 2026-03-01: $100.00',
      "The customer's first paid order",
      '20% of $100.00 = $20.00 (program rate)',
      'Held 30 days for refunds: available from 2026-03-31',
    ]);
  });
});

describe('two-tier 20% / 5% of sale on a $100.00 order', () => {
  const drafts = draftsOf(
    calculateSaleCommissions(
      aSale({
        program: aProgram({
          tierMode: 'two-tier',
          secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
        }),
        parent: aParent(),
      })
    )
  );

  it('pays $20.00 to the partner and $5.00 to its recruiter', () => {
    expect(drafts.map((draft) => [draft.partnerId, draft.level, draft.amount])).toEqual([
      ['partner-1', 1, 2000],
      ['recruiter-1', 2, 500],
    ]);
  });

  it('links the level-2 entry to the level-1 entry and explains the share', () => {
    expect(drafts[1]).toMatchObject({
      idempotencyKey: 'order:order-1:l2:sale',
      sourceKey: 'order:order-1:l1:sale',
      basisAmount: 10000,
      rate: { type: 'percentage', bps: 500 },
      kind: 'sale',
    });
    expect(drafts[1].explanation.summary).toBe(
      "$5.00 recruiter's share for order ORD-1 (5% of the sale)"
    );
    expect(drafts[1].explanation.steps).toContain(
      "Recruiter's share: 5% of the $100.00 sale = $5.00"
    );
  });
});

describe('flat per plan $39/$99/$299, rising to $59/$149/$449 at 25 active customers', () => {
  const plans: ProductRate[] = [
    { product: 'starter', commission: { type: 'flat', amount: 3900 } },
    { product: 'pro', commission: { type: 'flat', amount: 9900 } },
    { product: 'business', commission: { type: 'flat', amount: 29900 } },
  ];
  const gold: Tier = {
    name: 'Gold',
    threshold: 25,
    commission: { type: 'flat', amount: 0 },
    productRates: [
      { product: 'starter', commission: { type: 'flat', amount: 5900 } },
      { product: 'pro', commission: { type: 'flat', amount: 14900 } },
      { product: 'business', commission: { type: 'flat', amount: 44900 } },
    ],
  };
  const program = aProgram({
    commission: { type: 'flat', amount: 0 },
    productRates: plans,
    tiers: [gold],
    tierMetric: 'active-customers',
  });
  const commissionFor = (product: string, activeCustomers: number) =>
    draftsOf(
      calculateSaleCommissions(
        aSale({
          program,
          order: anOrder({ amount: 49900, items: [{ product, amount: 49900, quantity: 1 }] }),
          facts: someFacts({ tierMetricValue: activeCustomers }),
        })
      )
    )[0];

  it.each([
    ['starter', 24, 3900],
    ['pro', 24, 9900],
    ['business', 24, 29900],
    ['starter', 25, 5900],
    ['pro', 25, 14900],
    ['business', 25, 44900],
    ['business', 400, 44900],
  ])('%s plan with %i active customers pays %i', (product, customers, expected) => {
    expect(commissionFor(product, customers).amount).toBe(expected);
  });

  it('names the tier and why it applies', () => {
    const draft = commissionFor('pro', 25);
    expect(draft.explanation.steps).toContain('Gold tier (25 active customers ≥ 25)');
    expect(draft.explanation.steps).toContain('pro: $149.00 flat (Gold tier rate for pro)');
    expect(commissionFor('pro', 24).explanation.steps).toContain(
      'Base rate: 24 active customers, the first tier starts at 25'
    );
  });
});

describe('revenue share 10%, rising to 20% at 10 active customers, recurring monthly for life', () => {
  const program = aProgram({
    commission: { type: 'percentage', bps: 1000 },
    tiers: [{ threshold: 10, commission: { type: 'percentage', bps: 2000 } }],
    recurringMonths: null,
  });
  const month = (index: number) => new Date(Date.UTC(2026, index, 15, 10)).toISOString();
  const monthly = (index: number, activeCustomers: number) =>
    draftsOf(
      calculateSaleCommissions(
        aSale({
          program,
          order: anOrder({ id: `invoice-${index}`, amount: 4900, paidAt: month(index) }),
          facts: someFacts({
            isFirstPaidOrder: index === 0,
            customerFirstPaidAt: month(0),
            attributedAt: month(0),
            tierMetricValue: activeCustomers,
          }),
        })
      )
    )[0];

  it('pays 10% on the first invoice below 10 active customers', () => {
    expect(monthly(0, 3)).toMatchObject({ kind: 'sale', amount: 490 });
  });

  it('keeps paying on every renewal, years later', () => {
    expect(monthly(1, 3)).toMatchObject({ kind: 'recurring', amount: 490 });
    expect(monthly(60, 3)).toMatchObject({ kind: 'recurring', amount: 490 });
  });

  it('pays 20% once the partner has 10 active customers', () => {
    expect(monthly(7, 10)).toMatchObject({ kind: 'recurring', amount: 980 });
    expect(monthly(7, 10).explanation.steps).toContain('Tier 1 (10 active customers ≥ 10)');
  });

  it('keys each invoice separately so every renewal is one entry', () => {
    expect(monthly(1, 3).idempotencyKey).toBe('order:invoice-1:l1:sale');
    expect(monthly(2, 3).idempotencyKey).toBe('order:invoice-2:l1:sale');
  });
});
