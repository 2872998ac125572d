/**
 * ISO 4217 currencies and their minor-unit exponent (cents for USD, none for JPY, fils for KWD).
 * Amounts are stored in minor units, so the exponent is what turns 2000 into "$20.00".
 */

const ZERO_DECIMAL = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(
  ' '
);

const THREE_DECIMAL = 'BHD IQD JOD KWD LYD OMR TND'.split(' ');

const TWO_DECIMAL = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP ' +
  'BYN BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP ' +
  'GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT ' +
  'LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN ' +
  'NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP ' +
  'SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES ' +
  'WST XCD YER ZAR ZMW ZWG'
).split(' ');

/** Every supported code, sorted. */
export const CURRENCIES: readonly string[] = [
  ...ZERO_DECIMAL,
  ...TWO_DECIMAL,
  ...THREE_DECIMAL,
].sort();

const EXPONENTS: ReadonlyMap<string, number> = new Map<string, number>([
  ...ZERO_DECIMAL.map((code) => [code, 0] as const),
  ...TWO_DECIMAL.map((code) => [code, 2] as const),
  ...THREE_DECIMAL.map((code) => [code, 3] as const),
]);

/** True for a supported ISO 4217 code, upper case as stored ("usd" is not a currency here). */
export function isCurrency(code: string): boolean {
  return EXPONENTS.has(code);
}

/** Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD. Throws on unknown codes. */
export function minorUnits(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new RangeError(`unknown currency "${code}"`);
  return exponent;
}

const formatters = new Map<string, { digits: Intl.NumberFormat; layout: Intl.NumberFormat }>();

// Building an Intl.NumberFormat costs far more than using one; explanations format a lot.
function formattersFor(currency: string, exponent: number, locale: string) {
  const cacheKey = `${locale}|${currency}`;
  let cached = formatters.get(cacheKey);
  if (!cached) {
    cached = {
      digits: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      layout: new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent,
      }),
    };
    formatters.set(cacheKey, cached);
  }
  return cached;
}

/**
 * "$20.00", "¥1,000", "-€0.50": for explanations and statements. The digits come from integer
 * math; Intl only supplies the symbol, separators and their placement, so a large amount is never
 * rounded through a float.
 */
export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  if (!Number.isSafeInteger(amount)) {
    throw new TypeError(`amount must be a safe integer, got ${amount}`);
  }
  const exponent = minorUnits(currency);
  const { digits, layout } = formattersFor(currency, exponent, locale);
  const magnitude = BigInt(Math.abs(amount));
  const scale = 10n ** BigInt(exponent);
  const integerDigits = digits.format(magnitude / scale);
  const fractionDigits = (magnitude % scale).toString().padStart(exponent, '0');
  // Format ±1 to learn the layout (sign, symbol, separators), then put the real digits in.
  return layout
    .formatToParts(amount < 0 ? -1n : 1n)
    .map((part) => {
      if (part.type === 'integer') return integerDigits;
      if (part.type === 'fraction') return fractionDigits;
      return part.value;
    })
    .join('');
}

/**
 * "1234.50", "-0.05", "1000" (JPY): the amount as a plain decimal in major units, for files
 * other systems read (PayPal Payouts, CSV exports). Integer math, no grouping, no symbol.
 */
export function toDecimalString(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) {
    throw new TypeError(`amount must be a safe integer, got ${amount}`);
  }
  const exponent = minorUnits(currency);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${amount < 0 ? '-' : ''}${whole}${fraction}`;
}

/**
 * "1,250.50" or 99.99 in major units → integer minor units (125050, 9999), read as text so no
 * float ever rounds a cent. The one parser for typed and imported amounts: a comma before exactly
 * three digits groups thousands, otherwise "." or "," is the decimal mark. Extra decimals must be
 * zeros ("12.500" USD is fine, "1.005" USD is not an amount). Null for anything else, unknown
 * currencies included, so a form can say "enter an amount" instead of failing.
 */
export function parseMinorUnits(value: string | number, currency: string): number | null {
  const exponent = EXPONENTS.get(currency);
  if (exponent === undefined) return null;
  const text = (typeof value === 'number' ? String(value) : value)
    .trim()
    .replace(/,(?=\d{3}(?!\d))/g, '');
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (/[^0]/.test(fraction.slice(exponent))) return null;
  const minor = Number(`${whole}${fraction.padEnd(exponent, '0').slice(0, exponent)}`);
  if (!Number.isSafeInteger(minor)) return null;
  return sign && minor !== 0 ? -minor : minor;
}
