import { addDays, daysBetween, type Instant } from '../time';

/**
 * SPEC §4/§6: a conversion counts for a partner when it comes within `attributionWindowDays` of
 * the click or referral that attributed the customer. A null window means no limit: the default
 * (60) is written when a program is created, never assumed when one is read. A conversion before
 * its attribution (a manual or API attribution after the fact) was deliberate: it is inside.
 */
export function isWithinAttributionWindow(
  windowDays: number | null,
  attributedAt: Instant,
  at: Instant
): boolean {
  return windowDays === null || daysBetween(attributedAt, at) <= windowDays;
}

/** The oldest attribution still inside the window at `at`, for queries; null without a limit. */
export function attributionWindowStart(windowDays: number | null, at: Instant): string | null {
  return windowDays === null ? null : addDays(at, -windowDays);
}
