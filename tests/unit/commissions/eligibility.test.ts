import { calculateSaleCommissions, ineligibleCode } from '../../../plugin/commissions';
import {
  aPartner,
  aProgram,
  aSale,
  anEnrollment,
  anOrder,
  draftsOf,
  reasonOf,
  someFacts,
} from './builders';

/** SPEC §5.2: each rule, with the order that fails it and the one next to it that passes. */

const reason = (input: Parameters<typeof calculateSaleCommissions>[0]) =>
  reasonOf(calculateSaleCommissions(input));

describe('sale eligibility', () => {
  it('earns on the default sale', () => {
    expect(draftsOf(calculateSaleCommissions(aSale()))).toHaveLength(1);
  });

  it.each([
    [
      'a program that pays on signups',
      aSale({ program: aProgram({ trigger: 'signup' }) }),
      'wrong-trigger: the program pays on signup, not on sales',
    ],
    [
      'an unpaid order',
      aSale({ order: anOrder({ paidAt: null }) }),
      'not-paid: the order is not paid',
    ],
    [
      'a draft program',
      aSale({ program: aProgram({ state: 'draft' }) }),
      'program-inactive: the program is draft, not active',
    ],
    [
      'an archived program',
      aSale({ program: aProgram({ state: 'archived' }) }),
      'program-inactive: the program is archived, not active',
    ],
    [
      'an order paid before the program started',
      aSale({ program: aProgram({ startsAt: '2026-03-02T00:00:00Z' }) }),
      'program-not-started: the order on 2026-03-01 is before the program started on 2026-03-02',
    ],
    [
      'an order paid after the program ended',
      aSale({ program: aProgram({ endsAt: '2026-02-28T23:59:59Z' }) }),
      'program-ended: the order on 2026-03-01 is after the program ended on 2026-02-28',
    ],
    [
      'a suspended partner',
      aSale({ partner: aPartner({ state: 'suspended' }) }),
      'partner-not-approved: the partner is suspended, not approved',
    ],
    [
      'a partner who only applied',
      aSale({ partner: aPartner({ state: 'applied' }) }),
      'partner-not-approved: the partner is applied, not approved',
    ],
    [
      'a partner not enrolled in the program',
      aSale({ enrollment: null }),
      'not-enrolled: the partner is not enrolled in the program',
    ],
    [
      'a rejected enrollment',
      aSale({ enrollment: anEnrollment({ state: 'rejected' }) }),
      "enrollment-not-approved: the partner's enrollment is rejected, not approved",
    ],
    [
      'an order in another currency',
      aSale({ order: anOrder({ currency: 'EUR' }) }),
      'currency-mismatch: the order is in EUR and the program pays in USD',
    ],
    [
      'a partner-paid order (default: excluded)',
      aSale({ order: anOrder({ paidByPartner: true }) }),
      'partner-paid: the partner paid for this order (partner-paid account)',
    ],
    [
      "the partner's own purchase (default: excluded)",
      aSale({ order: anOrder({ customerEmail: ' Partner@Example.com ' }) }),
      'self-referral: the customer is the partner itself',
    ],
    [
      "a purchase by one of the partner's team logins",
      aSale({
        partner: aPartner({ userEmails: ['owner@agency.test', 'team@agency.test'] }),
        order: anOrder({ customerEmail: 'TEAM@agency.test' }),
      }),
      'self-referral: the customer is the partner itself',
    ],
    [
      'an order below the minimum',
      aSale({
        program: aProgram({ eligibility: { minOrderAmount: 1000 } }),
        order: anOrder({ amount: 500 }),
      }),
      'below-minimum: order $5.00 is below the $10.00 minimum',
    ],
    [
      'an order without any allowed product',
      aSale({
        program: aProgram({ eligibility: { products: ['pro', 'team'] } }),
        order: anOrder({ items: [{ product: 'starter', amount: 10000, quantity: 1 }] }),
      }),
      'no-eligible-products: the order has none of the products that earn in this program (pro, team)',
    ],
    [
      'an order without items when only some products earn',
      aSale({ program: aProgram({ eligibility: { products: ['pro'] } }) }),
      'no-eligible-products: the order has none of the products that earn in this program (pro)',
    ],
    [
      'an existing customer when only new customers earn',
      aSale({
        program: aProgram({ eligibility: { newCustomersOnly: true } }),
        facts: someFacts({ customerPaidBeforeAttribution: true }),
      }),
      'existing-customer: the program pays for new customers only, and this customer had paid before being referred',
    ],
    [
      'a first payment 61 days after the click (60-day window)',
      aSale({ facts: someFacts({ attributedAt: '2025-12-30T11:00:00Z' }) }),
      'outside-attribution-window: the customer was referred on 2025-12-30 and the first payment came on 2026-03-01, after the 60-day attribution window',
    ],
  ])('refuses %s', (_label, input, expected) => {
    expect(reason(input)).toBe(expected);
    expect(ineligibleCode(expected)).toBe(expected.split(':')[0]);
  });

  it.each([
    [
      'an order paid on the first day',
      aSale({ program: aProgram({ startsAt: '2026-03-01T12:00:00.000Z' }) }),
    ],
    [
      'an order paid at the last moment',
      aSale({ program: aProgram({ endsAt: '2026-03-01T12:00:00.000Z' }) }),
    ],
    [
      'a partner-paid order when the program allows them',
      aSale({
        program: aProgram({ eligibility: { excludePartnerPaid: false } }),
        order: anOrder({ paidByPartner: true }),
      }),
    ],
    [
      "the partner's own purchase when the program allows it",
      aSale({
        program: aProgram({ eligibility: { excludeSelfReferral: false } }),
        order: anOrder({ customerEmail: 'partner@example.com' }),
      }),
    ],
    [
      'an order exactly at the minimum',
      aSale({
        program: aProgram({ eligibility: { minOrderAmount: 1000 } }),
        order: anOrder({ amount: 1000 }),
      }),
    ],
    [
      'a new customer when only new customers earn',
      aSale({
        program: aProgram({ eligibility: { newCustomersOnly: true } }),
        facts: someFacts({ customerPaidBeforeAttribution: false }),
      }),
    ],
    [
      'a first payment exactly 60 days after the click',
      aSale({ facts: someFacts({ attributedAt: '2025-12-31T12:00:00.000Z' }) }),
    ],
    [
      'a renewal long after the window (the window applies to the first payment)',
      aSale({
        facts: someFacts({
          isFirstPaidOrder: false,
          customerFirstPaidAt: '2025-06-01T00:00:00Z',
          attributedAt: '2025-05-30T00:00:00Z',
        }),
      }),
    ],
    [
      'a program without a window',
      aSale({
        program: aProgram({ attributionWindowDays: null }),
        facts: someFacts({ attributedAt: '2020-01-01T00:00:00Z' }),
      }),
    ],
    [
      'an attribution recorded after the payment (manual)',
      aSale({ facts: someFacts({ attributedAt: '2026-03-10T00:00:00Z' }) }),
    ],
  ])('accepts %s', (_label, input) => {
    expect(draftsOf(calculateSaleCommissions(input)).length).toBeGreaterThan(0);
  });

  it('pays only on the allowed products of a mixed order', () => {
    const [draft] = draftsOf(
      calculateSaleCommissions(
        aSale({
          program: aProgram({ eligibility: { products: ['pro'] } }),
          order: anOrder({
            amount: 15000,
            items: [
              { product: 'pro', amount: 10000, quantity: 1 },
              { product: 'hardware', amount: 5000, quantity: 1 },
            ],
          }),
        })
      )
    );
    expect(draft).toMatchObject({ basisAmount: 10000, amount: 2000 });
    expect(draft.explanation.steps).toContain(
      'Only pro earn in this program: $100.00 of the order counts'
    );
  });

  it('reports the first failing rule when several fail', () => {
    const input = aSale({
      partner: aPartner({ state: 'suspended' }),
      order: anOrder({ paidByPartner: true, amount: 1 }),
      program: aProgram({ eligibility: { minOrderAmount: 1000 } }),
    });
    expect(ineligibleCode(reason(input))).toBe('partner-not-approved');
  });

  it('dates reasons in the program time zone', () => {
    const input = aSale({
      program: aProgram({ timezone: 'Pacific/Auckland', startsAt: '2026-03-02T00:00:00+13:00' }),
      order: anOrder({ paidAt: '2026-03-01T10:30:00Z' }), // 2026-03-01 23:30 in Auckland
    });
    expect(reason(input)).toBe(
      'program-not-started: the order on 2026-03-01 is before the program started on 2026-03-02'
    );
  });
});
