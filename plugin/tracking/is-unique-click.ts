import { toEpochMs, type Instant } from '../time';

/** A visitor counts once per link per this many hours (SPEC §6). */
export const UNIQUE_CLICK_WINDOW_HOURS = 24;
const WINDOW_MS = UNIQUE_CLICK_WINDOW_HOURS * 3_600_000;

/**
 * SPEC §6, "a visitor counts once per link per 24 h": a human click is unique when the same
 * visitor's previous *unique* click on the same link is 24 hours old or more (or there is none).
 * Measuring from the previous unique click, not the previous click, keeps a visitor who clicks
 * every few hours counted once a day rather than once for ever. Bot clicks are never unique.
 */
export function isUniqueClick(
  click: { at: Instant; isBot: boolean },
  previousUniqueClickAt: Instant | null
): boolean {
  if (click.isBot) return false;
  if (previousUniqueClickAt === null) return true;
  return toEpochMs(click.at) - toEpochMs(previousUniqueClickAt) >= WINDOW_MS;
}
