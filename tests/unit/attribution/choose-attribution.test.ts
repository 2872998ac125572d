import fc from 'fast-check';
import {
  attributionSteps,
  chooseAttribution,
  existingAttribution,
  pickCustomerReferral,
  unattributedReason,
  type AttributionCandidate,
  type AttributionFacts,
  type CustomerReferral,
} from '../../../plugin/attribution';

const referral = (
  id: number,
  createdAt: string,
  fields: Partial<CustomerReferral> = {}
): CustomerReferral => ({
  id,
  partnerId: 7,
  programId: 3,
  externalId: null,
  createdAt,
  ...fields,
});

const candidate: AttributionCandidate = {
  partnerId: 9,
  programId: 3,
  linkId: 12,
  source: 'link',
  attributedAt: '2026-05-01T00:00:00.000Z',
};

describe('attributionSteps: SPEC §6 precedence', () => {
  it.each<[string, AttributionFacts, string[]]>([
    ['nothing to go on', {}, []],
    [
      'everything: code, coupon, visitor, then the customer, then deals',
      {
        referralCode: 'alex',
        couponCode: 'alex10',
        visitorId: 'v1',
        customerExternalId: 'cus_1',
        customerEmail: 'a@example.com',
      },
      ['referral-code', 'coupon-code', 'visitor', 'existing-referral', 'deal'],
    ],
    ['a coupon only', { couponCode: 'alex10' }, ['coupon-code']],
    [
      'a customer id finds referrals, not deals',
      { customerExternalId: 'c' },
      ['existing-referral'],
    ],
    [
      'an e-mail finds referrals and deals',
      { customerEmail: 'a@x.io' },
      ['existing-referral', 'deal'],
    ],
    ['empty strings name nothing', { referralCode: '', visitorId: null }, []],
  ])('%s', (_label, facts, steps) => {
    expect(attributionSteps(facts)).toEqual(steps);
  });
});

describe('pickCustomerReferral', () => {
  const older = referral(1, '2026-01-01T00:00:00Z');
  const newer = referral(2, '2026-02-01T00:00:00Z', { externalId: 'cus_1' });

  it.each<[string, CustomerReferral[], string | null, number | null]>([
    ['none', [], 'cus_1', null],
    ['the oldest by e-mail', [newer, older], null, 1],
    ['the external id beats an older e-mail match', [older, newer], 'cus_1', 2],
    ['an unknown external id falls back to the oldest', [newer, older], 'cus_9', 1],
  ])('%s', (_label, referrals, externalId, id) => {
    expect(pickCustomerReferral(referrals, externalId)?.id ?? null).toBe(id);
  });

  it('does not depend on the order the database returned', () => {
    const rows = fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 1000 }),
        day: fc.integer({ min: 1, max: 28 }),
        external: fc.constantFrom(null, 'cus_1', 'cus_2'),
      }),
      { maxLength: 8 }
    );
    fc.assert(
      fc.property(rows, fc.constantFrom(null, 'cus_1'), (generated, externalId) => {
        const referrals = generated.map((row, index) =>
          referral(row.id * 10 + index, `2026-01-${String(row.day).padStart(2, '0')}T00:00:00Z`, {
            externalId: row.external,
          })
        );
        const reversed = [...referrals].reverse();
        expect(pickCustomerReferral(reversed, externalId)).toEqual(
          pickCustomerReferral(referrals, externalId)
        );
      })
    );
  });
});

describe('chooseAttribution: a contact is never silently moved', () => {
  it('a new contact becomes a referral of the partner who found them', () => {
    expect(chooseAttribution(candidate, null)).toEqual({ kind: 'claim', candidate });
  });

  it("a contact already referred in the program stays with that referral's partner", () => {
    expect(chooseAttribution(candidate, referral(4, '2026-01-01T00:00:00Z'))).toEqual({
      kind: 'keep',
      attribution: {
        partnerId: 7,
        programId: 3,
        referralId: 4,
        attributedAt: '2026-01-01T00:00:00.000Z',
      },
    });
  });

  it('a referral whose partner was deleted goes to the partner who found the contact', () => {
    const orphan = referral(4, '2026-01-01T00:00:00Z', { partnerId: null });
    const decision = chooseAttribution(candidate, orphan);
    expect(decision.kind === 'keep' && decision.attribution.partnerId).toBe(9);
  });
});

describe('existingAttribution', () => {
  it.each<[string, CustomerReferral | null, number | null]>([
    ['no referral', null, null],
    ['a referral with its partner and program', referral(4, '2026-01-01T00:00:00Z'), 7],
    [
      'a referral without a partner',
      referral(4, '2026-01-01T00:00:00Z', { partnerId: null }),
      null,
    ],
    [
      'a referral without a program',
      referral(4, '2026-01-01T00:00:00Z', { programId: null }),
      null,
    ],
  ])('%s', (_label, found, partnerId) => {
    expect(existingAttribution(found)?.partnerId ?? null).toBe(partnerId);
  });
});

describe('unattributedReason', () => {
  it.each<[string, AttributionFacts, string]>([
    ['nothing named', {}, 'no partner: nothing names a referral code, coupon, visitor or customer'],
    [
      'a code no link has',
      { referralCode: 'alex10' },
      'no partner: no partner\'s link has the code "alex10"',
    ],
    [
      'a coupon and a customer',
      { couponCode: 'spring', customerEmail: 'a@example.com' },
      'no partner: no partner\'s link has the coupon "spring"; the customer was not referred ' +
        'before; no approved, unexpired deal names the customer',
    ],
  ])('%s', (_label, facts, reason) => {
    expect(unattributedReason(facts)).toBe(reason);
  });
});
