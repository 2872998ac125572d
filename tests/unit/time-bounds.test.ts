import { calendarMonthBounds, startOfCalendarDate } from '../../plugin/time';

describe('calendar month bounds in a program time zone', () => {
  it.each([
    [
      'UTC mid-month',
      '2026-03-15T12:00:00Z',
      'UTC',
      '2026-03-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
    ],
    [
      'New York, DST starts in March',
      '2026-03-15T12:00:00Z',
      'America/New_York',
      '2026-03-01T05:00:00.000Z',
      '2026-04-01T04:00:00.000Z',
    ],
    [
      'Tokyo: 1 Apr local is still 31 Mar UTC',
      '2026-03-31T16:00:00Z',
      'Asia/Tokyo',
      '2026-03-31T15:00:00.000Z',
      '2026-04-30T15:00:00.000Z',
    ],
    [
      'Paris in December rolls into January',
      '2026-12-31T22:30:00Z',
      'Europe/Paris',
      '2026-11-30T23:00:00.000Z',
      '2026-12-31T23:00:00.000Z',
    ],
  ])('%s', (_label, instant, zone, start, end) => {
    expect(calendarMonthBounds(instant, zone)).toEqual({ start, end });
  });

  it('starts a date at local midnight on the day clocks change', () => {
    expect(startOfCalendarDate({ year: 2026, month: 3, day: 29 }, 'Europe/London')).toBe(
      '2026-03-29T00:00:00.000Z'
    );
    expect(startOfCalendarDate({ year: 2026, month: 10, day: 25 }, 'Europe/London')).toBe(
      '2026-10-24T23:00:00.000Z'
    );
  });
});
