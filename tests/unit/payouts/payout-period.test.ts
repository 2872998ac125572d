import {
  payoutKey,
  payoutPeriod,
  previousPayoutPeriod,
  transferKey,
} from '../../../plugin/payouts';

describe('payout periods', () => {
  it.each([
    ['January', '2026-01', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-01-31'],
    [
      'February, leap year',
      '2028-02',
      '2028-02-01T00:00:00.000Z',
      '2028-03-01T00:00:00.000Z',
      '2028-02-29',
    ],
    [
      'December rolls into January',
      '2026-12',
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      '2026-12-31',
    ],
  ])('%s', (_label, period, startsAt, endsAt, lastDay) => {
    expect(payoutPeriod(period)).toEqual({
      period,
      startsAt,
      endsAt,
      firstDay: `${period}-01`,
      lastDay,
    });
  });

  it.each([
    ['the 1st of a month pays the month before', '2026-02-01T02:00:00Z', '2026-01'],
    ['January pays December of the year before', '2026-01-02T00:00:00Z', '2025-12'],
    ['the last instant of a month', '2026-03-31T23:59:59.999Z', '2026-02'],
  ])('previous period: %s', (_label, at, period) => {
    expect(previousPayoutPeriod(at)).toBe(period);
  });

  it('keys a payout by partner, currency and period, and its transfer by the payout', () => {
    expect(payoutKey(42, 'USD', '2026-01')).toBe('payout:42:USD:2026-01');
    expect(transferKey('payout:42:USD:2026-01')).toBe('partners-transfer:payout:42:USD:2026-01');
  });
});
