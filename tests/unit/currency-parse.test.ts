import fc from 'fast-check';
import { CURRENCIES, parseMinorUnits, toDecimalString } from '../../plugin/currency';

describe('parseMinorUnits: major units read as text, never as floats', () => {
  it.each([
    ['a number', 99.99, 'USD', 9999],
    ['a decimal string', '49.90', 'USD', 4990],
    ['"0.3" stays exact', '0.3', 'USD', 30],
    ['whole units', '1200', 'USD', 120000],
    ['surrounding spaces', '  12.5 ', 'EUR', 1250],
    ['thousands grouped with commas', '1,250.50', 'USD', 125050],
    ['several groups', '1,250,000', 'USD', 125000000],
    ['a comma as the decimal mark', '1250,50', 'EUR', 125050],
    ['a comma before fewer than three digits is the decimal mark', '1,25', 'EUR', 125],
    ['trailing zeros past the minor unit are fine', '12.500', 'USD', 1250],
    ['yen have no minor unit', '1500', 'JPY', 1500],
    ['yen grouped', '12,500', 'JPY', 12500],
    ['yen with a zero fraction', '1500.0', 'JPY', 1500],
    ['yen with a real fraction is not an amount', '1500.5', 'JPY', null],
    ['dinars have three decimals', '1.234', 'KWD', 1234],
    ['a fraction of a cent is not an amount', '1.005', 'USD', null],
    ['negative', '-5.5', 'EUR', -550],
    ['minus zero is zero', '-0', 'USD', 0],
    ['not a number', 'ten', 'USD', null],
    ['empty', '', 'USD', null],
    ['exponent notation is refused', '1e3', 'USD', null],
    ['a huge number as a float', 1e21, 'USD', null],
    ['European grouping is ambiguous: refused', '1.250,50', 'EUR', null],
    ['beyond the safe integer range', '90071992547409.92', 'USD', null],
    ['an unknown currency', '10', 'XYZ', null],
    ['a lower-case code is not a currency here', '10', 'usd', null],
  ])('%s', (_label, value, currency, expected) => {
    expect(parseMinorUnits(value, currency)).toBe(expected);
  });

  it('reads back what toDecimalString writes, in every currency', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: -1e12, max: 1e12 }),
        (currency, amount) => {
          expect(parseMinorUnits(toDecimalString(amount, currency), currency)).toBe(amount);
        }
      )
    );
  });
});
