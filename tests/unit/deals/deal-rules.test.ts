import { daySchema } from '../../../plugin/contracts/admin-common';
import { companyKeyOf, domainOf, nextDealState } from '../../../plugin/deals';

describe('companyKeyOf', () => {
  it.each([
    ['Initech', 'initech'],
    ['INITECH, Inc.', 'initech'],
    ['Initech LLC', 'initech'],
    ['Société Générale SA', 'societegenerale'],
    ['Procter & Gamble Co.', 'procterandgamble'],
    ['Acme Company', 'acme'],
    ['Inc', 'inc'],
  ])('%s → %s', (company, key) => expect(companyKeyOf(company)).toBe(key));
});

describe('domainOf', () => {
  it.each([
    ['initech.test', 'initech.test'],
    ['https://www.Initech.test/about?x=1', 'initech.test'],
    ['http://user@shop.initech.test:8080/', 'shop.initech.test'],
    ['', null],
    ['not a domain', null],
    ['localhost', null],
  ])('%j → %j', (value, domain) => expect(domainOf(value)).toBe(domain));
});

describe('nextDealState', () => {
  it.each([
    ['submitted', 'approve', 'approved'],
    ['submitted', 'reject', 'rejected'],
    ['approved', 'win', 'won'],
    ['approved', 'lose', 'lost'],
    ['submitted', 'expire', 'expired'],
    ['approved', 'expire', 'expired'],
    ['submitted', 'win', null],
    ['won', 'lose', null],
    ['won', 'expire', null],
    ['rejected', 'approve', null],
    ['expired', 'approve', null],
  ] as const)('%s + %s → %s', (from, action, to) => expect(nextDealState(from, action)).toBe(to));
});

describe('daySchema', () => {
  it.each(['soon', '2027-02-30', '2027-13-01', ''])('%j is refused without throwing', (day) =>
    expect(daySchema.safeParse(day).success).toBe(false)
  );
  it('a calendar day passes', () => expect(daySchema.parse('2028-02-29')).toBe('2028-02-29'));
});
