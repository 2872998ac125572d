import { money, moneyList } from '../../../admin/src/components/format';

/** The admin shows every amount with its currency, zeros too ("$0.00", never "0"). */
describe('admin money formatting', () => {
  it.each([
    ['a zero in dollars', 0, 'USD', '$0.00'],
    ['cents', 2050, 'USD', '$20.50'],
    ['a negative amount', -1999, 'USD', '-$19.99'],
    ['a zero in euros', 0, 'EUR', '€0.00'],
    ['a currency without minor units', 500, 'JPY', '¥500'],
  ])('%s', (_label, amount, currency, shown) => {
    expect(money(amount, currency)).toBe(shown);
  });

  it('shows an empty list as a zero in the fallback currency', () => {
    expect(moneyList([], 'EUR')).toBe('€0.00');
    expect(moneyList(undefined)).toBe('$0.00');
  });

  it('joins several currencies', () => {
    expect(
      moneyList([
        { amount: 2000, currency: 'USD' },
        { amount: 500, currency: 'EUR' },
      ])
    ).toBe('$20.00 · €5.00');
  });
});
