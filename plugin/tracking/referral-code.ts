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

const quoted = (codes: string[]) =>
  codes.length === 1 ? `"${codes[0]}"` : `"${codes[0]}" or "${codes[1]}"`;

/**
 * Why an order that found no partner earns nothing, when it named codes: none of them is a live
 * link's. `disabledCodes` are the named codes whose link an editor or the partner disabled (the
 * link keeps its history but attributes nothing new). Null when the order named no code (an
 * order nobody referred is not ineligible, only unreferred).
 */
export function unknownCodeReason(
  order: OrderCodes,
  disabledCodes: readonly string[] = []
): string | null {
  const codes = [order.referralCode, order.couponCode].filter((code): code is string =>
    Boolean(code)
  );
  if (codes.length === 0) return null;
  const named = [...new Set(codes)];
  const off = new Set(disabledCodes.map(normaliseReferralCode));
  const disabled = named.filter((code) => off.has(normaliseReferralCode(code)));
  if (disabled.length > 0) {
    const unknown = named.filter((code) => !disabled.includes(code));
    const rest = unknown.length ? `; no link has the code ${quoted(unknown)}` : '';
    return ineligibleReason(
      'disabled-code',
      `the link ${quoted(disabled)} is disabled and attributes nothing new${rest}`
    );
  }
  return ineligibleReason('unknown-code', `no link has the code ${quoted(named)}`);
}
