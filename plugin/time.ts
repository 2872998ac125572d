/**
 * Instants and calendar dates for the rules. Strapi hands datetimes over as ISO strings and host
 * code as Dates, so both are accepted; the rules compare epoch milliseconds and calendar dates in
 * the program's time zone, never the server's local time.
 */

export type Instant = string | Date;

const DAY_MS = 86_400_000;

export function toEpochMs(instant: Instant): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`invalid date: ${String(instant)}`);
  return ms;
}

export function toIsoString(instant: Instant): string {
  return new Date(toEpochMs(instant)).toISOString();
}

export function addDays(instant: Instant, days: number): string {
  return new Date(toEpochMs(instant) + days * DAY_MS).toISOString();
}

/** Days from `from` to `to`, fractional; callers compare it with a limit and never store it. */
export function daysBetween(from: Instant, to: Instant): number {
  return (toEpochMs(to) - toEpochMs(from)) / DAY_MS;
}

export interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar date of `instant` in `timeZone` (an IANA name such as "Europe/Paris"). */
export function calendarDate(instant: Instant, timeZone: string): CalendarDate {
  const parts = dateFormat(timeZone).formatToParts(new Date(toEpochMs(instant)));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** `date` plus `months` calendar months; Jan 31 + 1 month is the last day of February. */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** "2026-03-31" in the program's time zone, for explanations. */
export function formatLocalDate(instant: Instant, timeZone: string): string {
  return formatCalendarDate(calendarDate(instant, timeZone));
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds to add to UTC to get the wall-clock time of `timeZone` at `epochMs`. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second')
  );
  return wallClock - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a calendar date starts (local midnight) in `timeZone`. */
export function startOfCalendarDate(date: CalendarDate, timeZone: string): string {
  const localMidnight = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes settle the offset on days when it changes (daylight saving).
  let instant = localMidnight - zoneOffsetMs(localMidnight, timeZone);
  instant = localMidnight - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** `[start, end)` of the calendar month containing `instant`, in `timeZone`. */
export function calendarMonthBounds(
  instant: Instant,
  timeZone: string
): { start: string; end: string } {
  const { year, month } = calendarDate(instant, timeZone);
  const first = { year, month, day: 1 };
  return {
    start: startOfCalendarDate(first, timeZone),
    end: startOfCalendarDate(addCalendarMonths(first, 1), timeZone),
  };
}
