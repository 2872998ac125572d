import { daysBetween, formatLocalDate, type Instant } from '../time';
import { ineligibleReason } from './ineligible';
import type { EngineProgram } from './types';

/**
 * SPEC §5.2: the conversion (first paid order, signup) must come within `attributionWindowDays`
 * of the click or referral that attributed the customer. A conversion recorded before its
 * attribution (a manual or API attribution after the fact) is inside the window: it was deliberate.
 * Null window or unknown attribution time: no limit.
 */
export function checkAttributionWindow(
  program: Pick<EngineProgram, 'attributionWindowDays' | 'timezone'>,
  attributedAt: Instant | null,
  convertedAt: Instant,
  conversion: string
): string | null {
  const windowDays = program.attributionWindowDays;
  if (windowDays === null || attributedAt === null) return null;
  if (daysBetween(attributedAt, convertedAt) <= windowDays) return null;
  const timeZone = program.timezone ?? 'UTC';
  return ineligibleReason(
    'outside-attribution-window',
    `the customer was referred on ${formatLocalDate(attributedAt, timeZone)} and the ${conversion} ` +
      `came on ${formatLocalDate(convertedAt, timeZone)}, after the ${windowDays}-day attribution window`
  );
}
