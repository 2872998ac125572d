/**
 * What the portal reads from a users-permissions access token (never verified here: the server
 * does that). `type: 'access'` marks the short-lived tokens of `jwtManagement: 'refresh'`; the
 * 30-day tokens of `legacy-support` carry `id`, `iat` and `exp` only.
 */
export interface AccessTokenClaims {
  /** Issued at, in seconds since the epoch (server clock). */
  iat?: number;
  /** Expires at, in seconds since the epoch (server clock). */
  exp?: number;
  type?: string;
}

const seconds = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * The claims of a JWT's payload, or null when the token is not a JWT. `decodeBase64` turns
 * standard base64 into a string (the browser's `atob`); the base64url alphabet is mapped first.
 */
export const accessTokenClaims = (
  token: string,
  decodeBase64: (base64: string) => string
): AccessTokenClaims | null => {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  try {
    const payload: unknown = JSON.parse(
      decodeBase64(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))
    );
    if (!payload || typeof payload !== 'object') return null;
    const { iat, exp, type } = payload as Record<string, unknown>;
    return {
      iat: seconds(iat),
      exp: seconds(exp),
      type: typeof type === 'string' ? type : undefined,
    };
  } catch {
    return null;
  }
};

/** The most a token is refreshed ahead of its expiry. */
export const MAX_REFRESH_MARGIN_MS = 60_000;

/**
 * When (local clock, ms) to replace an access token received at `receivedAtMs`: a quarter of its
 * lifetime before it expires, at most a minute (600 s tokens: after 540 s; 4 s tokens: after 3 s).
 * The lifetime is `exp - iat`, both from the server's clock, laid onto the local clock from the
 * moment the token arrived, so a browser whose clock is off still refreshes in time. Without
 * `iat` the local clock has to be trusted; without `exp` there is nothing to plan (null).
 */
export const refreshDueAt = (claims: AccessTokenClaims, receivedAtMs: number): number | null => {
  if (claims.exp === undefined) return null;
  const lifetimeMs =
    claims.iat !== undefined ? (claims.exp - claims.iat) * 1000 : claims.exp * 1000 - receivedAtMs;
  if (lifetimeMs <= 0) return receivedAtMs;
  const marginMs = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 4);
  return Math.round(receivedAtMs + lifetimeMs - marginMs);
};
