import { IntlMessageFormat } from 'intl-messageformat';
import en from '../../../admin/src/translations/en.json';
import { plural } from '../../../portal/src/format';

/** Counted messages use plural forms ("1 balance carried over"), never "(s)". */

const messages = en as Record<string, string>;
const format = (id: string, values: Record<string, string | number>) =>
  new IntlMessageFormat(messages[id], 'en-US').format(values);

describe('admin messages with a count', () => {
  it('has no "(s)" plurals', () => {
    expect(Object.entries(messages).filter(([, text]) => text.includes('(s)'))).toEqual([]);
  });

  it.each([
    [{ created: 0, amounts: '', carriedOver: 0 }, 'No new payouts; no balance carried over.'],
    [
      { created: 1, amounts: '$20.00', carriedOver: 1 },
      '1 payout ($20.00); 1 balance carried over.',
    ],
    [
      { created: 2, amounts: '$20.00 · €5.00', carriedOver: 2 },
      '2 payouts ($20.00 · €5.00); 2 balances carried over.',
    ],
  ])('the payout run says %j', (values, text) => {
    expect(format('payouts.run.result', values)).toBe(text);
  });

  it.each([
    [{ updated: 1, skipped: 0 }, '1 entry updated, none left as it was'],
    [{ updated: 3, skipped: 1 }, '3 entries updated, 1 left as it was'],
    [{ updated: 0, skipped: 2 }, '0 entries updated, 2 left as they were'],
  ])('bulk approval says %j', (values, text) => {
    expect(format('commissions.bulk.done', values)).toBe(text);
  });

  it('counts partners who joined', () => {
    expect(format('overview.kpi.activation.hint', { activated: 1, joined: 1 })).toBe(
      '1 of 1 partner who joined reached the activation event'
    );
    expect(format('overview.kpi.activation.hint', { activated: 1, joined: 4 })).toBe(
      '1 of 4 partners who joined reached the activation event'
    );
  });
});

describe('portal counts', () => {
  it.each([
    [0, '0 clicks'],
    [1, '1 click'],
    [2, '2 clicks'],
    [1000, '1,000 clicks'],
  ])('%i', (value, text) => {
    expect(plural(value, 'click', 'clicks')).toBe(text);
  });
});
