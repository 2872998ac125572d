/**
 * Money arithmetic in integer minor units. Every rounded division in the plugin goes through
 * `mulDivRound`, so there is exactly one rounding rule to read, test and explain:
 * half-up on the magnitude (1.5 → 2, -1.5 → -2), as SPEC §5.6 asks.
 */

const BPS_PER_WHOLE = 10_000;

function toBigInt(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`${name} must be a safe integer (minor units), got ${String(value)}`);
  }
  return BigInt(value);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`result ${value} is outside the safe integer range`);
  }
  return Number(value);
}

/**
 * round(value * numerator / denominator), half-up on the magnitude. The product is taken in
 * BigInt before dividing, so nothing is lost however large the operands (multiply before divide:
 * `amount * (pct / 100)` is how fractional cents get stored).
 */
export function mulDivRound(value: number, numerator: number, denominator: number): number {
  const product = toBigInt(value, 'value') * toBigInt(numerator, 'numerator');
  const divisor = toBigInt(denominator, 'denominator');
  if (divisor === 0n) throw new RangeError('cannot divide money by zero');
  const negative = product < 0n !== divisor < 0n;
  const magnitude = product < 0n ? -product : product;
  const divisorMagnitude = divisor < 0n ? -divisor : divisor;
  // floor((2|p| + |d|) / 2|d|) = |p|/|d| rounded half-up.
  const rounded = (2n * magnitude + divisorMagnitude) / (2n * divisorMagnitude);
  return toSafeNumber(negative ? -rounded : rounded);
}

/** `amount` × `bps` / 10 000, e.g. applyBps(10000, 2000) = 2000 (20 % of $100.00 = $20.00). */
export function applyBps(amount: number, bps: number): number {
  return mulDivRound(amount, bps, BPS_PER_WHOLE);
}

/** The share of `original` that `part` of `whole` stands for, e.g. the commission on a partial refund. */
export function prorate(original: number, part: number, whole: number): number {
  return mulDivRound(original, part, whole);
}

/** `amount` × `quantity` without silently leaving the safe integer range. */
export function multiplyMoney(amount: number, quantity: number): number {
  return toSafeNumber(toBigInt(amount, 'amount') * toBigInt(quantity, 'quantity'));
}

/** Sum of minor-unit amounts, refusing non-integers and overflow. */
export function sumMoney(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) total += toBigInt(amount, 'amount');
  return toSafeNumber(total);
}
