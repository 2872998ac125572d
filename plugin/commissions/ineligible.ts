/**
 * Why an order or referral earns nothing. Stored as the order's `ineligibleReason`:
 * "<code>: <sentence>", so filters can match the stable code and people can read the sentence.
 */
export const INELIGIBLE_CODES = [
  'wrong-trigger',
  'not-paid',
  'program-inactive',
  'program-not-started',
  'program-ended',
  'partner-not-approved',
  'not-enrolled',
  'enrollment-not-approved',
  'currency-mismatch',
  'partner-paid',
  'self-referral',
  'below-minimum',
  'no-eligible-products',
  'existing-customer',
  'outside-attribution-window',
  'first-order-only',
  'recurring-period-over',
  'not-signed-up',
  'not-qualified',
  'rate-not-flat',
  'program-misconfigured',
  'unknown-code',
  'disabled-code',
] as const;
export type IneligibleCode = (typeof INELIGIBLE_CODES)[number];

export function ineligibleReason(code: IneligibleCode, sentence: string): string {
  return `${code}: ${sentence}`;
}

/** The stable code at the front of a stored `ineligibleReason`, or null for free text. */
export function ineligibleCode(reason: string): IneligibleCode | null {
  const code = reason.split(':', 1)[0];
  return (INELIGIBLE_CODES as readonly string[]).includes(code) ? (code as IneligibleCode) : null;
}
