import { isWithinAttributionWindow } from '../attribution/is-within-attribution-window';
import { formatLocalDate, type Instant } from '../time';
import { ineligibleReason } from './ineligible';
import type { EngineProgram } from './types';

/**
 * SPEC §5.2: the conversion (first paid order, signup) must come within the attribution window
 * (`isWithinAttributionWindow`: a null window is no limit). Unknown attribution time: no limit.
 */
export function checkAttributionWindow(
  program: Pick<EngineProgram, 'attributionWindowDays' | 'timezone'>,
  attributedAt: Instant | null,
  convertedAt: Instant,
  conversion: string
): string | null {
  const windowDays = program.attributionWindowDays;
  if (attributedAt === null || isWithinAttributionWindow(windowDays, attributedAt, convertedAt)) {
    return null;
  }
  const timeZone = program.timezone ?? 'UTC';
  return ineligibleReason(
    'outside-attribution-window',
    `the customer was referred on ${formatLocalDate(attributedAt, timeZone)} and the ${conversion} ` +
      `came on ${formatLocalDate(convertedAt, timeZone)}, after the ${windowDays}-day attribution window`
  );
}
