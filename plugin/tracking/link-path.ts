import { buildRedirectUrl } from './build-redirect-url';

/** Stands in for a program without a landing URL: the path must still stay on one host. */
const ANY_LANDING_HOST = 'https://landing.invalid/';

/**
 * A link's deep `path` (SPEC §4, §6) as stored: trimmed, or null when it would leave the
 * program's landing host (the same rules as the redirect's `to`: no other host, no "//host",
 * no backslashes or control characters, nothing hidden behind percent-encoding).
 */
export function checkLinkPath(path: string, landingUrl: string | null | undefined): string | null {
  const value = path.trim();
  if (!value.startsWith('/')) return null;
  const target = buildRedirectUrl({
    landingUrl: landingUrl || ANY_LANDING_HOST,
    to: value,
    referral: null,
  });
  return target && !target.refusedTo ? value : null;
}
