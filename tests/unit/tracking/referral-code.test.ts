import { ineligibleCode } from '../../../plugin/commissions';
import { referralCodeSchema } from '../../../plugin/contracts/orders';
import {
  normaliseReferralCode,
  REFERRAL_CODE_PATTERN,
  unknownCodeReason,
} from '../../../plugin/tracking';

/** SPEC §4: link codes are unique case-insensitively; one stored form for every path. */
describe('normaliseReferralCode', () => {
  it.each([
    ['ALEX10', 'alex10'],
    ['Alex10', 'alex10'],
    ['alex10', 'alex10'],
    ['  Alex-10_b ', 'alex-10_b'],
  ])('stores %j as %j', (code, stored) => {
    expect(normaliseReferralCode(code)).toBe(stored);
  });

  it('is what the request schemas apply to codes', () => {
    expect(referralCodeSchema.parse(' ALEX10 ')).toBe('alex10');
  });

  it.each([
    ['ALEX10', true],
    ['a1', true],
    ['a', false],
    ['-alex', false],
    ['alex 10', false],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
  ])('accepts %j as a code: %s', (code, expected) => {
    expect(REFERRAL_CODE_PATTERN.test(code)).toBe(expected);
  });
});

describe('unknownCodeReason', () => {
  it('names the code no link has, with a stable code', () => {
    const reason = unknownCodeReason({ referralCode: 'ALEX10' });
    expect(reason).toBe('unknown-code: no link has the code "ALEX10"');
    expect(ineligibleCode(reason as string)).toBe('unknown-code');
  });

  it('names both codes when the referral and coupon codes differ, once when they agree', () => {
    expect(unknownCodeReason({ referralCode: 'a1', couponCode: 'b2' })).toBe(
      'unknown-code: no link has the code "a1" or "b2"'
    );
    expect(unknownCodeReason({ referralCode: 'a1', couponCode: 'a1' })).toBe(
      'unknown-code: no link has the code "a1"'
    );
    expect(unknownCodeReason({ couponCode: 'b2' })).toBe('unknown-code: no link has the code "b2"');
  });

  it('gives no reason to an order that named no code (it is only unreferred)', () => {
    expect(unknownCodeReason({})).toBeNull();
    expect(unknownCodeReason({ referralCode: null, couponCode: '' })).toBeNull();
  });
});
