import { ineligibleReason } from '../commissions/ineligible';

/**
 * Referral codes (link `code`, order `referralCode` / `couponCode`, recruit codes) are
 * case-insensitive: every code is stored and looked up in this form, so `ALEX10`, `Alex10`
 * and `alex10` are one code, and the database's unique index on the stored form keeps it unique.
 */
export const normaliseReferralCode = (code: string): string => code.trim().toLowerCase();

/** Letters, digits, "-" and "_", 2 to 64 characters, starting with a letter or digit. */
export const REFERRAL_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{1,63}$/i;

/** The codes an order names its partner by. */
export interface OrderCodes {
  referralCode?: string | null;
  couponCode?: string | null;
}

/**
 * Why an order that found no partner earns nothing, when it named codes: none of them is a
 * link's. Null when it named none (an order nobody referred is not ineligible, only unreferred).
 */
export function unknownCodeReason(order: OrderCodes): string | null {
  const codes = [order.referralCode, order.couponCode].filter((code): code is string =>
    Boolean(code)
  );
  if (codes.length === 0) return null;
  const named = [...new Set(codes)].map((code) => `"${code}"`);
  return ineligibleReason(
    'unknown-code',
    named.length === 1
      ? `no link has the code ${named[0]}`
      : `no link has the code ${named[0]} or ${named[1]}`
  );
}
