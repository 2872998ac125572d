import { CURRENCIES, formatMoney, isCurrency, minorUnits } from '../../plugin/currency';

describe('currencies', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['CHF', 2],
    ['CAD', 2],
    ['AUD', 2],
    ['NZD', 2],
    ['SEK', 2],
    ['NOK', 2],
    ['DKK', 2],
    ['PLN', 2],
    ['CZK', 2],
    ['HUF', 2],
    ['INR', 2],
    ['BRL', 2],
    ['MXN', 2],
    ['SGD', 2],
    ['HKD', 2],
    ['CNY', 2],
    ['ZAR', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['OMR', 3],
    ['CLP', 0],
    ['VND', 0],
  ])('%s has %i minor digits', (code, digits) => {
    expect(isCurrency(code)).toBe(true);
    expect(minorUnits(code)).toBe(digits);
  });

  it.each(['usd', 'XXX', '', 'US'])('%p is not a currency', (code) => {
    expect(isCurrency(code)).toBe(false);
    expect(() => minorUnits(code)).toThrow(RangeError);
  });

  it('lists each code once', () => {
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
  });
});

describe('formatMoney', () => {
  it.each([
    ['$20.00', 2000, 'USD'],
    ['$0.05', 5, 'USD'],
    ['$0.00', 0, 'USD'],
    ['-$0.50', -50, 'USD'],
    ['-$20.00', -2000, 'USD'],
    ['$1,234,567.89', 123456789, 'USD'],
    ['¥1,000', 1000, 'JPY'],
    ['-¥5', -5, 'JPY'],
    ['€39.00', 3900, 'EUR'],
    ['£0.99', 99, 'GBP'],
    ['KWD\u00a01.234', 1234, 'KWD'],
    // The largest safe amount keeps every digit: no float ever holds the decimal value.
    ['$90,071,992,547,409.91', Number.MAX_SAFE_INTEGER, 'USD'],
  ])('%s', (expected, amount, currency) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it('follows the locale for separators and symbol placement', () => {
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });

  it('refuses fractional amounts', () => {
    expect(() => formatMoney(12.5, 'USD')).toThrow(TypeError);
  });
});
