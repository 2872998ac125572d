import {
  eligibilitySchema,
  programRulesSchema,
  rateSchema,
  rateSnapshotSchema,
} from '../../../plugin/contracts/rules';

describe('rateSchema', () => {
  it.each([
    ['20%', { type: 'percentage', bps: 2000 }],
    ['0%', { type: 'percentage', bps: 0 }],
    ['100%', { type: 'percentage', bps: 10000 }],
    ['$39.00 flat', { type: 'flat', amount: 3900 }],
    ['$5.00 per unit', { type: 'flat', amount: 500, perUnit: true }],
  ])('accepts %s', (_label, rate) => {
    expect(rateSchema.parse(rate)).toEqual(rate);
  });

  it.each([
    ['a fractional percentage', { type: 'percentage', bps: 12.5 }],
    ['more than 100%', { type: 'percentage', bps: 10001 }],
    ['a negative percentage', { type: 'percentage', bps: -1 }],
    ['fractional cents', { type: 'flat', amount: 39.99 }],
    ['a negative amount', { type: 'flat', amount: -100 }],
    ['a rate given as a fraction', { type: 'percentage', rate: 0.2 }],
    ['an unknown type', { type: 'tiered', bps: 100 }],
    ['an amount as a string', { type: 'flat', amount: '3900' }],
  ])('refuses %s', (_label, rate) => {
    expect(rateSchema.safeParse(rate).success).toBe(false);
  });
});

describe('programRulesSchema', () => {
  it('fills SPEC §4 defaults', () => {
    expect(programRulesSchema.parse({ commission: { type: 'percentage', bps: 2000 } })).toEqual({
      commission: { type: 'percentage', bps: 2000 },
      productRates: [],
      tierMetric: 'active-customers',
      tiers: [],
      secondTier: null,
      recurringMonths: null,
      holdDays: 30,
      qualificationDays: 90,
      attributionWindowDays: 60,
      eligibility: { excludePartnerPaid: true, excludeSelfReferral: true, newCustomersOnly: false },
      fraudSignals: {
        selfReferral: 'off',
        clickVelocity: 'off',
        disposableEmail: 'off',
        sharedCustomer: 'off',
        largeCommission: 'off',
        paidTraffic: 'off',
        clicksPerMinute: 10,
      },
    });
  });

  it('refuses two rates for one product and two tiers at one threshold', () => {
    const rate = { type: 'percentage', bps: 1000 };
    expect(
      programRulesSchema.safeParse({
        commission: rate,
        productRates: [
          { product: 'pro', commission: rate },
          { product: 'pro', commission: rate },
        ],
      }).success
    ).toBe(false);
    expect(
      programRulesSchema.safeParse({
        commission: rate,
        tiers: [
          { threshold: 10, commission: rate },
          { threshold: 10, commission: rate },
        ],
      }).success
    ).toBe(false);
  });

  it('accepts the two-tier and tiered worked examples', () => {
    const parsed = programRulesSchema.parse({
      commission: { type: 'percentage', bps: 1000 },
      tiers: [{ name: 'Gold', threshold: 10, commission: { type: 'percentage', bps: 2000 } }],
      secondTier: { commission: { type: 'percentage', bps: 500 }, basis: 'sale' },
      recurringMonths: null,
    });
    expect(parsed.tiers[0].name).toBe('Gold');
    expect(parsed.secondTier?.basis).toBe('sale');
  });

  it('refuses a negative hold and a fractional recurring period', () => {
    const commission = { type: 'flat', amount: 100 };
    expect(programRulesSchema.safeParse({ commission, holdDays: -1 }).success).toBe(false);
    expect(programRulesSchema.safeParse({ commission, recurringMonths: 1.5 }).success).toBe(false);
  });
});

describe('eligibilitySchema', () => {
  it('excludes self-referrals and partner-paid orders unless told otherwise', () => {
    expect(eligibilitySchema.parse({})).toEqual({
      excludePartnerPaid: true,
      excludeSelfReferral: true,
      newCustomersOnly: false,
    });
    expect(eligibilitySchema.parse({ excludeSelfReferral: false }).excludeSelfReferral).toBe(false);
  });
});

describe('rateSnapshotSchema', () => {
  it('accepts a single rate and a per-line snapshot', () => {
    expect(rateSnapshotSchema.safeParse({ type: 'percentage', bps: 2000 }).success).toBe(true);
    expect(
      rateSnapshotSchema.safeParse({
        type: 'per-line',
        lines: [
          { product: 'pro', rate: { type: 'flat', amount: 500 }, basisAmount: 100, amount: 500 },
        ],
      }).success
    ).toBe(true);
  });
});
