import { previewRequestSchema, type PreviewRequest } from '../../../plugin/contracts/admin';
import { previewProgram } from '../../../plugin/commissions';

/** The admin's live preview (SPEC §9) runs the real engine on unsaved rules. */

const preview = (data: PreviewRequest['data']) =>
  previewProgram(previewRequestSchema.parse({ data }).data);

describe('previewProgram', () => {
  it('one-tier 20 % on $100.00 pays $20.00', () => {
    const [result] = preview({
      program: { commission: { type: 'percentage', bps: 2000 } },
      orders: [{ amount: 10000 }],
    });
    expect(result.text).toBe('A $100.00 order pays the partner $20.00.');
    expect(result.entries).toHaveLength(1);
  });

  it('flat per plan, rising at 25 active customers (SPEC §5 worked example)', () => {
    const plans = [
      { product: 'starter', commission: { type: 'flat' as const, amount: 3900 } },
      { product: 'pro', commission: { type: 'flat' as const, amount: 9900 } },
    ];
    const program = {
      commission: { type: 'flat' as const, amount: 0 },
      productRates: plans,
      tiers: [
        {
          threshold: 25,
          commission: { type: 'flat' as const, amount: 0 },
          productRates: [
            { product: 'starter', commission: { type: 'flat' as const, amount: 5900 } },
            { product: 'pro', commission: { type: 'flat' as const, amount: 14900 } },
          ],
        },
      ],
    };
    const order = (product: string, tierMetricValue: number) => ({
      amount: 10000,
      items: [{ product, amount: 10000, quantity: 1 }],
      tierMetricValue,
    });
    const amounts = preview({
      program,
      orders: [order('starter', 24), order('pro', 24), order('starter', 25), order('pro', 25)],
    }).map((result) => result.entries[0]?.amount);
    expect(amounts).toEqual([3900, 9900, 5900, 14900]);
  });

  it('says why a sample pays nothing', () => {
    const [result] = preview({
      program: {
        commission: { type: 'percentage', bps: 2000 },
        eligibility: { minOrderAmount: 5000 },
      },
      orders: [{ amount: 1000 }],
    });
    expect(result).toMatchObject({ eligible: false, entries: [] });
    expect(result.text).toMatch(/^A \$10\.00 order pays nothing: below-minimum/);
  });

  it('previews a signup bounty and a recurring month', () => {
    const [signup] = preview({
      program: { trigger: 'signup', commission: { type: 'flat', amount: 500 } },
      orders: [{ amount: 0 }],
    });
    expect(signup.text).toBe('A signup pays the partner $5.00.');
    const [, late] = preview({
      program: { commission: { type: 'percentage', bps: 1000 }, recurringMonths: 3 },
      orders: [
        { amount: 10000, monthsAfterFirst: 2 },
        { amount: 10000, monthsAfterFirst: 4 },
      ],
    });
    expect(late.eligible).toBe(false);
  });
});
