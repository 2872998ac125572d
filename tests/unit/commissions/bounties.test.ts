import {
  calculateQualifiedCustomerCommissions,
  calculateSignupCommissions,
  isReferralQualified,
} from '../../../plugin/commissions';
import { aBounty, aParent, aProgram, aReferral, draftsOf, reasonOf } from './builders';

/** SPEC §5.1: signup and qualified-customer bounties. */

describe('signup bounty', () => {
  it('pays the flat bounty once per referral, held from the signup', () => {
    const [draft] = draftsOf(calculateSignupCommissions(aBounty()));
    expect(draft).toMatchObject({
      idempotencyKey: 'referral:referral-1:l1:signup',
      referralId: 'referral-1',
      orderId: null,
      kind: 'signup',
      amount: 5000,
      basisAmount: 0,
      state: 'pending',
      availableAt: '2026-03-31T12:00:00.000Z',
    });
    expect(draft.explanation.summary).toBe(
      '$50.00 signup bounty for referral referral-1 ($50.00 flat)'
    );
  });

  it('uses the tier commission as the bounty', () => {
    const program = aProgram({
      trigger: 'signup',
      commission: { type: 'flat', amount: 5000 },
      tiers: [{ name: 'Gold', threshold: 10, commission: { type: 'flat', amount: 8000 } }],
    });
    const [draft] = draftsOf(
      calculateSignupCommissions(
        aBounty({ program, facts: { attributedAt: null, tierMetricValue: 12 } })
      )
    );
    expect(draft.amount).toBe(8000);
  });

  it('pays the recruiter a share of the bounty; a share "of the sale" has no sale to share', () => {
    const base = {
      trigger: 'signup' as const,
      tierMode: 'two-tier' as const,
      commission: { type: 'flat' as const, amount: 5000 },
    };
    const ofCommission = draftsOf(
      calculateSignupCommissions(
        aBounty({
          program: aProgram({
            ...base,
            secondTier: { commission: { type: 'percentage', bps: 1000 }, basis: 'commission' },
          }),
          parent: aParent(),
        })
      )
    );
    expect(ofCommission.map((draft) => [draft.idempotencyKey, draft.amount])).toEqual([
      ['referral:referral-1:l1:signup', 5000],
      ['referral:referral-1:l2:signup', 500],
    ]);
    const ofSale = draftsOf(
      calculateSignupCommissions(
        aBounty({
          program: aProgram({
            ...base,
            secondTier: { commission: { type: 'percentage', bps: 1000 }, basis: 'sale' },
          }),
          parent: aParent(),
        })
      )
    );
    expect(ofSale).toHaveLength(1);
  });

  it.each([
    [
      'a sale program',
      aBounty({ program: aProgram() }),
      'wrong-trigger: the program pays on sale, not on a signup',
    ],
    [
      'a referral that has not signed up',
      aBounty({ referral: aReferral({ signedUpAt: null }) }),
      'not-signed-up: the referral has not signed up',
    ],
    [
      'a percentage rate',
      aBounty({ program: aProgram({ trigger: 'signup' }) }),
      'rate-not-flat: a signup bounty needs a flat amount, and the program rate is 20%',
    ],
    [
      'the partner signing itself up',
      aBounty({ referral: aReferral({ email: 'partner@example.com' }) }),
      'self-referral: the referred contact is the partner itself',
    ],
    [
      'a signup long after the click',
      aBounty({ facts: { attributedAt: '2025-06-01T00:00:00Z', tierMetricValue: 0 } }),
      'outside-attribution-window: the customer was referred on 2025-06-01 and the signup came on 2026-03-01, after the 60-day attribution window',
    ],
  ])('refuses %s', (_label, input, expected) => {
    expect(reasonOf(calculateSignupCommissions(input))).toBe(expected);
  });
});

describe('qualified-customer bounty', () => {
  const program = aProgram({
    trigger: 'qualified-customer',
    commission: { type: 'flat', amount: 10000 },
    qualificationDays: 90,
  });
  const converted = '2026-03-05T12:00:00.000Z';
  const qualifiesAt = '2026-06-03T12:00:00.000Z';
  const facts = { asOf: '2026-06-10T00:00:00.000Z', paidAmount: 4900, refundedAmount: 0 };

  it('qualifies qualificationDays after conversion, whenever the job runs', () => {
    const early = isReferralQualified(aReferral(), program, {
      ...facts,
      asOf: '2026-06-03T11:59:59.000Z',
    });
    expect(early).toEqual({
      qualified: false,
      ineligibleReason: 'not-qualified: the customer qualifies on 2026-06-03 if still active',
      recheckAt: qualifiesAt,
    });
    const onTime = isReferralQualified(aReferral(), program, { ...facts, asOf: qualifiesAt });
    const late = isReferralQualified(aReferral(), program, {
      ...facts,
      asOf: '2027-01-01T00:00:00Z',
    });
    expect(onTime).toMatchObject({ qualified: true, qualifiedAt: qualifiesAt });
    expect(late).toEqual(onTime);
  });

  it.each([
    [
      'a lead',
      aReferral({ state: 'lead', convertedAt: null }),
      facts,
      'the referral has not become a paying customer',
    ],
    [
      'a customer who churned during the period',
      aReferral({ state: 'churned', churnedAt: '2026-05-01T00:00:00Z' }),
      facts,
      'the customer churned on 2026-05-01, before staying 90 days',
    ],
    [
      'a churned customer without a date',
      aReferral({ state: 'churned' }),
      facts,
      'the customer churned',
    ],
    [
      'a customer refunded in full',
      aReferral(),
      { ...facts, refundedAmount: 4900 },
      'every payment of the customer was refunded',
    ],
    ['a rejected referral', aReferral({ state: 'rejected' }), facts, 'the referral was rejected'],
  ])('never qualifies %s', (_label, referral, qualificationFacts, sentence) => {
    expect(isReferralQualified(referral, program, qualificationFacts)).toEqual({
      qualified: false,
      ineligibleReason: `not-qualified: ${sentence}`,
      recheckAt: null,
    });
  });

  it('keeps the qualification of a customer who churned after the period', () => {
    const referral = aReferral({ state: 'churned', churnedAt: '2026-07-01T00:00:00Z' });
    expect(isReferralQualified(referral, program, facts).qualified).toBe(true);
  });

  it('pays the bounty, held from the qualification date', () => {
    const [draft] = draftsOf(
      calculateQualifiedCustomerCommissions(
        aBounty({ program, referral: aReferral({ convertedAt: converted }) }),
        facts
      )
    );
    expect(draft).toMatchObject({
      idempotencyKey: 'referral:referral-1:l1:qualified-customer',
      kind: 'qualified-customer',
      amount: 10000,
      availableAt: '2026-07-03T12:00:00.000Z',
    });
    expect(draft.explanation.steps[0]).toBe(
      'The customer converted on 2026-03-05 and stayed active for 90 days (qualified on 2026-06-03)'
    );
  });

  it('still pays when the program ended after the customer converted', () => {
    const ended = { ...program, endsAt: '2026-04-01T00:00:00Z' };
    expect(calculateQualifiedCustomerCommissions(aBounty({ program: ended }), facts).eligible).toBe(
      true
    );
  });

  it('refuses a customer who is not qualified yet', () => {
    expect(
      reasonOf(
        calculateQualifiedCustomerCommissions(aBounty({ program }), { ...facts, asOf: converted })
      )
    ).toBe('not-qualified: the customer qualifies on 2026-06-03 if still active');
  });
});
