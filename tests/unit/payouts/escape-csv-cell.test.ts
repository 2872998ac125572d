import { escapeCsvCell } from '../../../plugin/payouts';

describe('escapeCsvCell', () => {
  it.each([
    [
      'a formula',
      '=HYPERLINK("http://evil.example","click")',
      `'=HYPERLINK("http://evil.example","click")`,
    ],
    ['a plus formula', '+1+cmd|calc', `'+1+cmd|calc`],
    ['a minus formula', '-2+3+cmd|calc', `'-2+3+cmd|calc`],
    ['an at formula', '@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['a leading tab', '\t=1+1', `'\t=1+1`],
    ['a leading carriage return', '\r=1+1', `'\r=1+1`],
    ['plain text', 'Jane Cooper', 'Jane Cooper'],
    ['an e-mail address', 'jane@example.com', 'jane@example.com'],
    ['a formula sign later in the text', 'a=b', 'a=b'],
    ['a negative amount', '-20.00', '-20.00'],
    ['a negative whole number', '-1500', '-1500'],
    ['an empty cell', '', ''],
  ])('%s', (_label, value, escaped) => {
    expect(escapeCsvCell(value)).toBe(escaped);
  });
});
