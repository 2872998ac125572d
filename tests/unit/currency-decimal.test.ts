import { toDecimalString } from '../../plugin/currency';

describe('toDecimalString', () => {
  it.each([
    ['cents', 12050, 'USD', '120.50'],
    ['less than a unit', 5, 'USD', '0.05'],
    ['zero', 0, 'EUR', '0.00'],
    ['negative', -2000, 'USD', '-20.00'],
    ['no minor unit (yen)', 1000, 'JPY', '1000'],
    ['three decimals (dinar)', 1234, 'KWD', '1.234'],
    ['beyond float precision', 9007199254740991, 'USD', '90071992547409.91'],
  ])('%s', (_label, amount, currency, text) => {
    expect(toDecimalString(amount, currency)).toBe(text);
  });

  it('refuses fractional minor units', () => {
    expect(() => toDecimalString(1.5, 'USD')).toThrow(TypeError);
  });
});
