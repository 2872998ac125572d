import { calculateSaleCommissions, resolveRate, selectTier } from '../../../plugin/commissions';
import type { Rate, Tier } from '../../../plugin/contracts/rules';
import { aProgram, aSale, anEnrollment, anOrder, draftsOf, someFacts } from './builders';

const pct = (bps: number): Rate => ({ type: 'percentage', bps });
const flat = (amount: number, perUnit?: boolean): Rate =>
  perUnit ? { type: 'flat', amount, perUnit } : { type: 'flat', amount };

describe('rate precedence (SPEC §5.3)', () => {
  const tier: Tier = {
    name: 'Gold',
    threshold: 10,
    commission: pct(3000),
    productRates: [{ product: 'pro', commission: pct(4000) }],
  };
  const program = aProgram({
    commission: pct(1000),
    productRates: [
      { product: 'pro', commission: pct(2000) },
      { product: 'team', commission: pct(2500) },
    ],
    tiers: [tier],
  });
  const gold = selectTier(program.tiers, 'active-customers', 10, 'USD');
  const base = selectTier(program.tiers, 'active-customers', 9, 'USD');

  it.each([
    [
      'enrollment override beats everything',
      anEnrollment({ commissionOverride: pct(5000) }),
      gold,
      'pro',
      5000,
      'enrollment-override',
    ],
    [
      "the tier's product rate beats the program's product rate",
      anEnrollment(),
      gold,
      'pro',
      4000,
      'tier-product-rate',
    ],
    [
      "the program's product rate beats the tier commission",
      anEnrollment(),
      gold,
      'team',
      2500,
      'program-product-rate',
    ],
    [
      'the tier commission beats the program commission',
      anEnrollment(),
      gold,
      'other',
      3000,
      'tier-commission',
    ],
    [
      'below every tier a product rate still applies',
      anEnrollment(),
      base,
      'pro',
      2000,
      'program-product-rate',
    ],
    [
      'below every tier, the program commission',
      anEnrollment(),
      base,
      'other',
      1000,
      'program-commission',
    ],
    [
      'no product (an order without items): the tier commission',
      anEnrollment(),
      gold,
      null,
      3000,
      'tier-commission',
    ],
    [
      'no product and no tier: the program commission',
      null,
      base,
      null,
      1000,
      'program-commission',
    ],
  ])('%s', (_label, enrollment, selection, product, bps, source) => {
    const resolved = resolveRate(program, enrollment, selection, product);
    expect(resolved.rate).toEqual(pct(bps));
    expect(resolved.source).toBe(source);
  });
});

describe('tier selection (SPEC §5.4)', () => {
  const tiers: Tier[] = [
    { name: 'Gold', threshold: 25, commission: pct(2500) },
    { threshold: 0, commission: pct(1000) },
    { name: 'Silver', threshold: 10, commission: pct(1500) },
  ];
  it.each([
    [0, 1000, 'Tier 1'],
    [9, 1000, 'Tier 1'],
    [10, 1500, 'Silver tier'],
    [24, 1500, 'Silver tier'],
    [25, 2500, 'Gold tier'],
    [1000, 2500, 'Gold tier'],
  ])(
    'metric %i selects %i bps (%s), whatever the order tiers are listed in',
    (metric, bps, label) => {
      const selection = selectTier(tiers, 'active-customers', metric, 'USD');
      expect(selection.tier?.commission).toEqual(pct(bps));
      expect(selection.label).toBe(label);
    }
  );

  it('describes revenue thresholds as money', () => {
    const selection = selectTier(
      [{ threshold: 1_000_000, commission: pct(2000) }],
      'revenue-in-month',
      1_250_000,
      'USD'
    );
    expect(selection.step).toBe('Tier 1 ($12,500.00 revenue this month ≥ $10,000.00)');
  });

  it('has nothing to say for a program without tiers', () => {
    expect(selectTier(null, 'active-customers', 5, 'USD')).toEqual({
      tier: null,
      label: null,
      step: null,
    });
  });
});

describe('amounts per line', () => {
  it('rounds a percentage once per line, then adds the lines', () => {
    // 12.5% of $0.99 = 12.375¢ → 12¢, three times = 36¢ (not round(37.125¢) = 37¢).
    const [draft] = draftsOf(
      calculateSaleCommissions(
        aSale({
          program: aProgram({ commission: pct(1250) }),
          order: anOrder({
            amount: 297,
            items: [
              { product: 'a', amount: 99, quantity: 1 },
              { product: 'b', amount: 99, quantity: 1 },
              { product: 'c', amount: 99, quantity: 1 },
            ],
          }),
        })
      )
    );
    expect(draft.amount).toBe(36);
    expect(draft.basisAmount).toBe(297);
    expect(draft.rate).toEqual(pct(1250));
  });

  it('uses the sum of items as the basis, not the order total (shipping, tax)', () => {
    const [draft] = draftsOf(
      calculateSaleCommissions(
        aSale({
          order: anOrder({
            amount: 11500,
            items: [{ product: 'pro', amount: 10000, quantity: 1 }],
          }),
        })
      )
    );
    expect(draft).toMatchObject({ basisAmount: 10000, amount: 2000 });
  });

  it('pays an order-level flat rate once per order, however many lines', () => {
    const [draft] = draftsOf(
      calculateSaleCommissions(
        aSale({
          program: aProgram({ commission: flat(2500) }),
          order: anOrder({
            items: [
              { product: 'a', amount: 5000, quantity: 2 },
              { product: 'b', amount: 5000, quantity: 1 },
            ],
          }),
        })
      )
    );
    expect(draft.amount).toBe(2500);
    expect(draft.explanation.summary).toBe('$25.00 commission for order ORD-1 ($25.00 flat)');
  });

  it('pays a per-unit product rate for each unit', () => {
    const [draft] = draftsOf(
      calculateSaleCommissions(
        aSale({
          program: aProgram({ productRates: [{ product: 'seat', commission: flat(500, true) }] }),
          order: anOrder({ items: [{ product: 'seat', amount: 30000, quantity: 3 }] }),
        })
      )
    );
    expect(draft.amount).toBe(1500);
    expect(draft.explanation.steps).toContain(
      'seat: $5.00 × 3 units = $15.00 (program rate for seat)'
    );
  });

  it('mixes per-product rates and snapshots each line', () => {
    const [draft] = draftsOf(
      calculateSaleCommissions(
        aSale({
          program: aProgram({
            commission: flat(1000),
            productRates: [
              { product: 'pro', commission: pct(3000) },
              { product: 'seat', commission: flat(200, true) },
            ],
          }),
          order: anOrder({
            amount: 20000,
            items: [
              { product: 'pro', amount: 10000, quantity: 1 },
              { product: 'seat', amount: 6000, quantity: 4 },
              { product: 'mug', amount: 2000, quantity: 1 },
              { product: 'cap', amount: 2000, quantity: 1 },
            ],
          }),
        })
      )
    );
    // 30% of $100 = $30, 4 × $2 = $8, and one $10 flat for the two lines on the program rate.
    expect(draft.amount).toBe(3000 + 800 + 1000);
    expect(draft.basisAmount).toBe(20000);
    expect(draft.rate).toEqual({
      type: 'per-line',
      lines: [
        { product: 'pro', rate: pct(3000), basisAmount: 10000, amount: 3000 },
        { product: 'seat', rate: flat(200, true), basisAmount: 6000, amount: 800 },
        { product: null, rate: flat(1000), basisAmount: 4000, amount: 1000 },
      ],
    });
    expect(draft.explanation.summary).toBe('$48.00 commission for order ORD-1 (rates per product)');
  });

  it('applies the enrollment override to every line, even products with their own rate', () => {
    const [draft] = draftsOf(
      calculateSaleCommissions(
        aSale({
          program: aProgram({ productRates: [{ product: 'pro', commission: pct(4000) }] }),
          enrollment: anEnrollment({ commissionOverride: pct(3300) }),
          order: anOrder({ items: [{ product: 'pro', amount: 10000, quantity: 1 }] }),
          facts: someFacts(),
        })
      )
    );
    expect(draft.amount).toBe(3300);
    expect(draft.explanation.steps).toContain('pro: 33% of $100.00 = $33.00 (your personal rate)');
  });

  it('creates no entry for a zero commission', () => {
    expect(
      draftsOf(calculateSaleCommissions(aSale({ program: aProgram({ commission: pct(0) }) })))
    ).toEqual([]);
  });

  it('pays JPY in whole yen', () => {
    const [draft] = draftsOf(
      calculateSaleCommissions(
        aSale({
          program: aProgram({ currency: 'JPY', commission: pct(1250) }),
          order: anOrder({ currency: 'JPY', amount: 1004 }),
        })
      )
    );
    expect(draft.amount).toBe(126); // 125.5 → 126
    expect(draft.explanation.steps).toContain('12.5% of ¥1,004 = ¥126 (program rate)');
  });
});
