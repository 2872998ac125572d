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
