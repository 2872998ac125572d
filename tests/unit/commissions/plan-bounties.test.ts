import {
  calculateBountyAmount,
  calculateQualifiedCustomerCommissions,
  calculateSignupCommissions,
  selectTier,
  type EngineProgram,
  type QualifyingOrder,
} from '../../../plugin/commissions';
import { CTM_RULES } from '../../helpers/ctm-program';
import { aBounty, aProgram, aReferral, draftsOf, reasonOf } from './builders';

/**
 * Qualified-customer bounties priced by the customer's plan (SPEC §5.1, §5.3): the
 * CallTrackingMetrics program as its terms are written (docs/commission-rules.md).
 */

const flat = (dollars: number) => ({ type: 'flat' as const, amount: dollars * 100 });

const ctmProgram = (overrides: Partial<EngineProgram> = {}): EngineProgram =>
  aProgram({ ...CTM_RULES, holdDays: 0, ...overrides });

const convertedAt = '2026-01-10T15:00:00.000Z';
const qualifiesAt = '2026-04-10T15:00:00.000Z';
const anOrderOf = (product: string, extra: Partial<QualifyingOrder> = {}): QualifyingOrder => ({
  id: 7,
  externalId: `sub-${product}`,
  amount: 29900,
  items: [{ product, amount: 29900, quantity: 1 }],
  paidAt: '2026-03-10T15:00:00.000Z',
  ...extra,
});

const bountyFor = (
  latestOrder: QualifyingOrder | null,
  activeThisMonth: number,
  overrides: { program?: EngineProgram; churnedAt?: string | null } = {}
) =>
  calculateQualifiedCustomerCommissions(
    aBounty({
      program: overrides.program ?? ctmProgram(),
      referral: aReferral({
        convertedAt,
        churnedAt: overrides.churnedAt ?? null,
        state: overrides.churnedAt ? 'churned' : 'customer',
      }),
      facts: { attributedAt: '2026-01-02T00:00:00.000Z', tierMetricValue: activeThisMonth },
    }),
    { asOf: '2026-04-11T00:00:00.000Z', paidAmount: 29900, refundedAmount: 0, latestOrder }
  );

describe('CallTrackingMetrics: one bounty per plan after 90 active days', () => {
  it.each([
    ['performance', 3, 3900],
    ['growth', 3, 9900],
    ['connect', 3, 29900],
    ['performance', 25, 5900],
    ['growth', 25, 14900],
    ['connect', 30, 44900],
    ['connect', 24, 29900],
  ])('a %s account with %i accounts active this month earns %i', (plan, active, amount) => {
    const [draft] = draftsOf(bountyFor(anOrderOf(plan), active));
    expect(draft).toMatchObject({
      kind: 'qualified-customer',
      amount,
      idempotencyKey: 'referral:referral-1:l1:qualified-customer',
      availableAt: qualifiesAt,
    });
  });

  it('explains the plan, the tier and the qualification', () => {
    const [draft] = draftsOf(bountyFor(anOrderOf('connect'), 26));
    expect(draft.explanation.summary).toBe(
      '$449.00 qualified customer bounty for referral referral-1 ($449.00 flat)'
    );
    expect(draft.explanation.steps).toEqual(
      expect.arrayContaining([
        'The customer converted on 2026-01-10 and stayed active for 90 days (qualified on 2026-04-10)',
        'Order sub-connect, paid on 2026-03-10, is the plan that counts',
        '25 active accounts tier (26 customers active this month ≥ 25)',
        'connect: $449.00 flat (25 active accounts tier rate for connect)',
      ])
    );
  });

  it('pays nothing for a customer who cancelled before day 90', () => {
    expect(
      reasonOf(bountyFor(anOrderOf('connect'), 30, { churnedAt: '2026-01-11T09:00:00Z' }))
    ).toBe('not-qualified: the customer churned on 2026-01-11, before staying 90 days');
  });

  it('an add-on in the plan order adds nothing; an order without a rated plan earns the base bounty', () => {
    const withAddOn = anOrderOf('growth', {
      amount: 14900,
      items: [
        { product: 'growth', amount: 9900, quantity: 1 },
        { product: 'extra-numbers', amount: 5000, quantity: 5 },
      ],
    });
    expect(draftsOf(bountyFor(withAddOn, 0))[0].amount).toBe(9900);
    const unknownPlan = anOrderOf('enterprise');
    expect(draftsOf(bountyFor(unknownPlan, 0))[0].amount).toBe(3900);
    expect(draftsOf(bountyFor(unknownPlan, 25))[0].amount).toBe(5900);
    expect(draftsOf(bountyFor(null, 25))[0].amount).toBe(5900);
  });

  it('a personal rate wins over the plan, as for sales', () => {
    const result = calculateQualifiedCustomerCommissions(
      aBounty({
        program: ctmProgram(),
        enrollment: { state: 'approved', commissionOverride: flat(500) },
        referral: aReferral({ convertedAt }),
        facts: { attributedAt: null, tierMetricValue: 0 },
      }),
      { asOf: qualifiesAt, paidAmount: 1, refundedAmount: 0, latestOrder: anOrderOf('connect') }
    );
    expect(draftsOf(result)[0].amount).toBe(50000);
  });

  it('a signup has no plan: product rates never price it', () => {
    const program = ctmProgram({ trigger: 'signup' });
    expect(draftsOf(calculateSignupCommissions(aBounty({ program })))[0].amount).toBe(3900);
  });
});

describe('calculateBountyAmount', () => {
  const noTier = selectTier(null, 'active-customers', 0, 'USD');
  it('refuses a percentage bounty without a rated plan', () => {
    const program = aProgram({ commission: { type: 'percentage', bps: 1000 } });
    expect(calculateBountyAmount(program, null, noTier, null, 'signup')).toEqual({
      payable: false,
      reason: 'rate-not-flat: a signup bounty needs a flat amount, and the program rate is 10%',
    });
  });

  it('a percentage plan rate is a share of the plan line; per-unit rates count units', () => {
    const program = aProgram({
      commission: flat(10),
      productRates: [
        { product: 'seats', commission: { type: 'flat', amount: 500, perUnit: true } },
        { product: 'pro', commission: { type: 'percentage', bps: 5000 } },
      ],
    });
    const lines = [
      { product: 'pro', amount: 9999, quantity: 1 },
      { product: 'seats', amount: 3000, quantity: 3 },
    ];
    const bounty = calculateBountyAmount(program, null, noTier, lines, 'qualified customer');
    expect(bounty.payable && bounty.amount.amount).toBe(5000 + 1500);
  });
});
