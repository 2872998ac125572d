import { isVisitorId } from './is-visitor-id';

/** The first-party cookie tracker.js keeps for the attribution window (SPEC §6). */
export const REFERRAL_COOKIE = 'partners_ref';

export interface ReferralCookie {
  code: string;
  visitorId: string;
  /** When the tracker stored it, in epoch seconds. */
  storedAt: number;
}

const CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/i;

/**
 * Reads `partners_ref` as tracker.js writes it: `<code>.<visitorId>.<epochSeconds>` (none of the
 * three can contain a dot). Anything else is null: a cookie is input like any other.
 */
export function parseReferralCookie(value: string | null | undefined): ReferralCookie | null {
  if (!value) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  const parts = decoded.split('.');
  if (parts.length !== 3) return null;
  const [code, visitorId, storedAt] = parts;
  if (!CODE.test(code) || !isVisitorId(visitorId) || !/^\d{1,12}$/.test(storedAt)) return null;
  return { code: code.toLowerCase(), visitorId, storedAt: Number(storedAt) };
}
