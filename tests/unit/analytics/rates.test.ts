import { clickToCustomerBps, conversionRateBps, shareBps } from '../../../plugin/analytics/rates';

describe('analytics rates', () => {
  it('shareBps: half up, 0 without a whole', () => {
    const cases = { none: shareBps(3, 0), whole: shareBps(4, 4), third: shareBps(1, 3) };
    expect(cases).toEqual({ none: 0, whole: 10_000, third: 3333 });
    // Two thirds and exactly half a basis point both round up.
    expect([shareBps(2, 3), shareBps(1, 20_000)]).toEqual([6667, 1]);
  });

  it('conversion rate: converted referrals of the referrals, never above 100 %', () => {
    expect(conversionRateBps(3, 4)).toBe(7500);
    expect(conversionRateBps(0, 0)).toBe(0);
    expect(() => conversionRateBps(2, 1)).toThrow(RangeError);
  });

  it('click-to-customer may pass 100 % when customers come without clicks', () => {
    // A coupon program: 2 customers, 1 unique click.
    expect(clickToCustomerBps(2, 1)).toBe(20_000);
  });
});
