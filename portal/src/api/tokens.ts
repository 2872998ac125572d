import { accessTokenClaims, refreshDueAt } from '../../../plugin/portal/access-token';

/**
 * The partner's tokens from users-permissions, in this tab's sessionStorage (gone when the tab
 * closes). Both `jwtManagement` modes:
 * - `legacy-support`: one JWT (30 days by default), nothing to refresh;
 * - `refresh`: a short access token (600 s by default) and a refresh token, kept beside it, or, when
 *   the host sets `sessions.httpOnly`, held by the browser as an httpOnly cookie that scripts
 *   cannot read (then only the marker `cookie` is stored).
 */
const JWT_KEY = 'partners.portal.jwt';
const REFRESH_KEY = 'partners.portal.refresh';
const REFRESH_AT_KEY = 'partners.portal.refresh-at';
const COOKIE = 'cookie';

/** `POST /api/auth/local` and `/api/auth/refresh` answers (`refreshToken` only in body mode). */
export interface TokenAnswer {
  jwt: string;
  refreshToken?: string;
}

const claimsOf = (jwt: string) => accessTokenClaims(jwt, (base64) => atob(base64));

/** An access token of `jwtManagement: 'refresh'` (minutes), not a legacy JWT (days). */
export const isSessionAccessToken = (jwt: string) => claimsOf(jwt)?.type === 'access';

const storeAccessToken = (jwt: string) => {
  sessionStorage.setItem(JWT_KEY, jwt);
  const dueAt = refreshDueAt(claimsOf(jwt) ?? {}, Date.now());
  if (dueAt === null) sessionStorage.removeItem(REFRESH_AT_KEY);
  else sessionStorage.setItem(REFRESH_AT_KEY, String(dueAt));
};

let refreshing: Promise<boolean> | null = null;

/** One rotation at a time, across this browser's tabs too when they share the refresh cookie. */
const exclusively = async (run: () => Promise<boolean>): Promise<boolean> =>
  navigator.locks ? navigator.locks.request('partners.portal.refresh', run) : run();

const rotate = async (refresh: string): Promise<boolean> => {
  const response = await fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    // Cookie mode: users-permissions reads the httpOnly cookie the browser sends along.
    body: JSON.stringify(refresh === COOKIE ? {} : { refreshToken: refresh }),
    credentials: 'same-origin',
  });
  if (response.status >= 500 || response.status === 429) {
    // The server's trouble, not the session's: keep the tokens for the next try.
    throw new Error('The server could not renew your session. Please try again.');
  }
  if (!response.ok) {
    // 401 (revoked, idle or past its maximum lifetime), 400, or 404 once the host went back to
    // legacy-support: this session is over.
    session.clear();
    return false;
  }
  const answer = (await response.json()) as TokenAnswer;
  storeAccessToken(answer.jwt);
  if (refresh !== COOKIE && answer.refreshToken) {
    sessionStorage.setItem(REFRESH_KEY, answer.refreshToken);
  }
  return true;
};

export const session = {
  token: (): string | null => sessionStorage.getItem(JWT_KEY),

  /** Whether users-permissions runs sessions (`refresh` mode) for this login. */
  refreshable: () => sessionStorage.getItem(REFRESH_KEY) !== null,

  /** The body `/api/auth/logout` needs to revoke this session (cookie mode: the cookie). */
  logoutBody: (): { refreshToken?: string } => {
    const refresh = sessionStorage.getItem(REFRESH_KEY);
    return refresh && refresh !== COOKIE ? { refreshToken: refresh } : {};
  },

  /** Keeps a login's tokens: `{ jwt }` (legacy), `{ jwt, refreshToken }`, or a cookie session. */
  start: (answer: TokenAnswer) => {
    session.clear();
    storeAccessToken(answer.jwt);
    if (answer.refreshToken) sessionStorage.setItem(REFRESH_KEY, answer.refreshToken);
    else if (isSessionAccessToken(answer.jwt)) sessionStorage.setItem(REFRESH_KEY, COOKIE);
  },

  clear: () => {
    for (const key of [JWT_KEY, REFRESH_KEY, REFRESH_AT_KEY]) sessionStorage.removeItem(key);
  },

  /** Whether the access token is close enough to its expiry to be replaced before a request. */
  refreshDue: () => {
    const dueAt = Number(sessionStorage.getItem(REFRESH_AT_KEY));
    return session.refreshable() && dueAt > 0 && Date.now() >= dueAt;
  },

  /**
   * Rotates the refresh token for a new access token; false when the session is over (its tokens
   * are then cleared). Concurrent callers share one rotation: users-permissions accepts each
   * refresh token once. A network error rejects and keeps the session for the next try.
   */
  refresh: (): Promise<boolean> => {
    refreshing ??= exclusively(() => {
      const refresh = sessionStorage.getItem(REFRESH_KEY);
      return refresh ? rotate(refresh) : Promise.resolve(false);
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  },
};
