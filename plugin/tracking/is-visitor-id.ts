/**
 * A visitor id (`pvid`): 16 to 64 URL-safe characters. The server makes them from 16 random
 * bytes (22 base64url characters); anything else from a URL or a cookie is ignored and replaced,
 * so a visitor id is always safe to put back into a URL, a cookie or a log line.
 */
export const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function isVisitorId(value: unknown): value is string {
  return typeof value === 'string' && VISITOR_ID_PATTERN.test(value);
}
