import { money, moneyList } from '../../../portal/src/format';

/** The portal shows every amount with its currency, zeros too ("$0.00", never "0"). */
describe('portal money formatting', () => {
  it.each([
    ['a zero in dollars', 0, 'USD', '$0.00'],
    ['cents', 1200, 'USD', '$12.00'],
    ['a zero in euros', 0, 'EUR', '€0.00'],
    ['a currency without minor units', 500, 'JPY', '¥500'],
  ])('%s', (_label, amount, currency, shown) => {
    expect(money(amount, currency)).toBe(shown);
  });

  it('shows nothing owed as a zero in the fallback currency', () => {
    expect(moneyList([], 'EUR')).toBe('€0.00');
    expect(moneyList([])).toBe('$0.00');
  });
});
