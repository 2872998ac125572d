import { SearchParams, Url, type WebUrl } from './web-url';

/** What a link redirect is built from (SPEC §6). */
export interface RedirectInput {
  /** The program's `landingUrl`: an absolute http(s) URL. */
  landingUrl: string | null | undefined;
  /** The link's `path`: a deep link on the landing host, set by an editor. */
  linkPath?: string | null;
  /** The visitor's `?to=`: a page on the landing host, from the URL (untrusted). */
  to?: string | null;
  /** Added as `ref` and `pvid`; null for a redirect that attributes nothing (inactive link). */
  referral: { code: string; visitorId: string } | null;
}

export interface RedirectTarget {
  url: string;
  /** `to` was given but refused: it would have left the landing host. */
  refusedTo: boolean;
}

const MAX_TARGET_LENGTH = 2048;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Browsers drop tabs and newlines inside URLs and read "\" as "/", so "/\evil.com" and
// "/\t/evil.com" are both "//evil.com" to them.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/** The forms a value takes as it is percent-decoded again and again (by proxies, frameworks). */
const decodings = (value: string): string[] => {
  const forms = [value];
  for (let round = 0; round < 3; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(forms[forms.length - 1]);
    } catch {
      break;
    }
    if (decoded === forms[forms.length - 1]) break;
    forms.push(decoded);
  }
  return forms;
};

/**
 * A path (or same-origin URL) resolved on the landing URL, or null when it could lead anywhere
 * else: another host, port or scheme, a protocol-relative "//host", a backslash or control
 * character, or any of those hidden behind percent-encoding.
 */
const resolveOnLandingHost = (target: string, landing: WebUrl): WebUrl | null => {
  const value = target.trim();
  if (value.length === 0 || value.length > MAX_TARGET_LENGTH) return null;
  for (const form of decodings(value)) {
    if (UNSAFE_CHARACTERS.test(form) || form.trimStart().startsWith('//')) return null;
    if (form !== value && HAS_SCHEME.test(form.trimStart())) return null;
  }
  let resolved: WebUrl;
  try {
    resolved = new Url(value, landing);
  } catch {
    return null;
  }
  if (HAS_SCHEME.test(value) && !value.toLowerCase().startsWith(`${landing.protocol}//`)) {
    return null;
  }
  return resolved.origin === landing.origin ? resolved : null;
};

const parseLanding = (landingUrl: string | null | undefined): WebUrl | null => {
  if (!landingUrl) return null;
  try {
    const url = new Url(landingUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
};

/**
 * SPEC §6: where a referral link sends the visitor. The program's landing URL, then the link's
 * deep-link `path`, then the visitor's `to`, each resolved on the landing URL; `to` wins when it
 * stays on the landing host and is ignored otherwise (no open redirect). The landing URL's own
 * query parameters (utm_…) are kept unless the path sets them; `ref` and `pvid` are set last.
 * Null when the landing URL itself is missing or not http(s).
 */
export function buildRedirectUrl(input: RedirectInput): RedirectTarget | null {
  const landing = parseLanding(input.landingUrl);
  if (!landing) return null;
  const linkTarget = input.linkPath ? resolveOnLandingHost(input.linkPath, landing) : null;
  const toTarget = input.to ? resolveOnLandingHost(input.to, landing) : null;
  const target = toTarget ?? linkTarget ?? new Url(landing.toString());

  const params = new SearchParams(landing.search);
  for (const key of new Set(target.searchParams.keys())) params.delete(key);
  for (const [key, value] of target.searchParams) params.append(key, value);
  if (input.referral) {
    params.set('ref', input.referral.code);
    params.set('pvid', input.referral.visitorId);
  }
  target.search = params.toString();
  return { url: target.toString(), refusedTo: Boolean(input.to) && toTarget === null };
}
