import { isAbaRoutingNumber } from '../../../plugin/payouts';

describe('isAbaRoutingNumber', () => {
  it.each([
    ['011000015', true], // Federal Reserve Bank of Boston
    ['021000021', true], // JPMorgan Chase
    ['121000358', true], // Bank of America
    ['011000016', false], // wrong check digit
    ['021000012', false], // transposed digits
    ['000000000', false],
    ['02100002', false],
    ['0210000211', false],
    ['02100002a', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isAbaRoutingNumber(value)).toBe(expected);
  });
});
