import {
  addCalendarMonths,
  addDays,
  calendarDate,
  formatLocalDate,
  toEpochMs,
} from '../../plugin/time';

describe('time', () => {
  it.each([
    [
      'Jan 31 + 1 month is the last day of February',
      { year: 2026, month: 1, day: 31 },
      1,
      { year: 2026, month: 2, day: 28 },
    ],
    [
      'in a leap year, February 29',
      { year: 2028, month: 1, day: 31 },
      1,
      { year: 2028, month: 2, day: 29 },
    ],
    [
      '12 months is the same date next year',
      { year: 2026, month: 3, day: 15 },
      12,
      { year: 2027, month: 3, day: 15 },
    ],
    [
      'across the year end',
      { year: 2026, month: 11, day: 30 },
      3,
      { year: 2027, month: 2, day: 28 },
    ],
  ])('%s', (_label, date, months, expected) => {
    expect(addCalendarMonths(date, months)).toEqual(expected);
  });

  it('reads calendar dates in the given time zone', () => {
    expect(calendarDate('2026-03-01T02:00:00Z', 'America/Los_Angeles')).toEqual({
      year: 2026,
      month: 2,
      day: 28,
    });
    expect(formatLocalDate('2026-03-01T02:00:00Z', 'UTC')).toBe('2026-03-01');
  });

  it('adds whole days in UTC and accepts Dates', () => {
    expect(addDays(new Date('2026-03-01T12:00:00Z'), 30)).toBe('2026-03-31T12:00:00.000Z');
  });

  it('refuses invalid dates', () => {
    expect(() => toEpochMs('not a date')).toThrow(RangeError);
  });
});
