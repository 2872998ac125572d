import { applyBps, mulDivRound, multiplyMoney, prorate, sumMoney } from '../../plugin/money';

describe('mulDivRound: the one rounding rule (half-up on the magnitude)', () => {
  it.each([
    // [label, value, numerator, denominator, expected]
    ['exact division', 10000, 2000, 10000, 2000],
    ['below .5 rounds down', 1004, 1, 10, 100], // 100.4
    ['exactly .5 rounds up', 1005, 1, 10, 101], // 100.5
    ['above .5 rounds up', 1006, 1, 10, 101], // 100.6
    ['negative below .5 rounds towards zero', -1004, 1, 10, -100], // -100.4
    ['negative exactly .5 rounds away from zero', -1005, 1, 10, -101], // -100.5
    ['negative above .5 rounds away from zero', -1006, 1, 10, -101], // -100.6
    ['negative denominator flips the sign', 1005, 1, -10, -101],
    ['both negative is positive', -1005, 1, -10, 101],
    ['zero stays zero', 0, 2000, 10000, 0],
    ['one cent at 50% is one cent (0.5 → 1)', 1, 5000, 10000, 1],
    ['one cent at 49.99% is zero (0.4999 → 0)', 1, 4999, 10000, 0],
    ['14.4999… is 14, the float trap of amount * (pct / 100)', 14499, 1, 1000, 14],
    [
      'product beyond 2^53 keeps every digit',
      Number.MAX_SAFE_INTEGER,
      9999,
      10000,
      9006298534815517, // 9 006 298 534 815 516.9009
    ],
    ['safe maximum at 100%', Number.MAX_SAFE_INTEGER, 10000, 10000, Number.MAX_SAFE_INTEGER],
  ])('%s', (_label, value, numerator, denominator, expected) => {
    expect(mulDivRound(value, numerator, denominator)).toBe(expected);
  });

  it('matches a BigInt reference on the largest safe inputs', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    const expected = (max * 9999n * 2n + 10000n) / 20000n;
    expect(BigInt(mulDivRound(Number.MAX_SAFE_INTEGER, 9999, 10000))).toBe(expected);
  });

  it.each([
    ['a fractional amount', 10.5, 1, 1],
    ['a fractional numerator', 100, 0.5, 1],
    ['a fractional denominator', 100, 1, 2.5],
    ['NaN', Number.NaN, 1, 1],
    ['Infinity', Number.POSITIVE_INFINITY, 1, 1],
    ['an unsafe integer', 2 ** 53, 1, 1],
  ])('refuses %s', (_label, value, numerator, denominator) => {
    expect(() => mulDivRound(value, numerator, denominator)).toThrow(TypeError);
  });

  it('refuses to divide by zero', () => {
    expect(() => mulDivRound(100, 1, 0)).toThrow(RangeError);
  });

  it('refuses a result outside the safe range', () => {
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
  });
});

describe('applyBps', () => {
  it.each([
    ['20% of $100.00', 10000, 2000, 2000],
    ['5% of $100.00', 10000, 500, 500],
    ['12.5% of $0.99 = 12.375¢ → 12¢', 99, 1250, 12],
    ['12.5% of $1.00 = 12.5¢ → 13¢', 100, 1250, 13],
    ['33.33% of $0.15 = 4.9995¢ → 5¢', 15, 3333, 5],
    ['0.01% of $49.99 = 0.4999¢ → 0¢', 4999, 1, 0],
    ['0.01% of $50.00 = 0.5¢ → 1¢', 5000, 1, 1],
    ['20% of ¥1,005 (JPY, no decimals) = ¥201', 1005, 2000, 201],
    ['20% of ¥1,003 = ¥200.6 → ¥201', 1003, 2000, 201],
    ['20% of ¥1,002 = ¥200.4 → ¥200', 1002, 2000, 200],
    ['10% of -$0.05 (a negative basis) = -0.5¢ → -1¢', -5, 1000, -1],
    ['100% of $90 trillion', 9_000_000_000_000_000, 10000, 9_000_000_000_000_000],
    ['33.33% of $90 trillion', 9_000_000_000_000_000, 3333, 2_999_700_000_000_000],
  ])('%s', (_label, amount, bps, expected) => {
    expect(applyBps(amount, bps)).toBe(expected);
  });
});

describe('prorate', () => {
  it.each([
    ['half refunded: $20.00 commission → $10.00', 2000, 5000, 10000, 1000],
    ['one third of $10.00 = 333.33¢ → 333¢', 1000, 1, 3, 333],
    ['two thirds of $10.00 = 666.67¢ → 667¢', 1000, 2, 3, 667],
    ['one third of 5¢ = 1.67¢ → 2¢', 5, 1, 3, 2],
    ['half of 1¢ = 0.5¢ → 1¢', 1, 1, 2, 1],
    ['nothing refunded', 2000, 0, 10000, 0],
    ['everything refunded', 2000, 10000, 10000, 2000],
    ['half of a negative -$0.03 = -1.5¢ → -2¢', -3, 1, 2, -2],
  ])('%s', (_label, original, part, whole, expected) => {
    expect(prorate(original, part, whole)).toBe(expected);
  });
});

describe('multiplyMoney and sumMoney', () => {
  it('multiplies per-unit amounts', () => {
    expect(multiplyMoney(500, 3)).toBe(1500);
  });
  it('refuses an overflowing product', () => {
    expect(() => multiplyMoney(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });
  it('sums signed amounts', () => {
    expect(sumMoney([2000, -1000, -333])).toBe(667);
    expect(sumMoney([])).toBe(0);
  });
  it('refuses fractional amounts in a sum', () => {
    expect(() => sumMoney([1, 0.1])).toThrow(TypeError);
  });
});
