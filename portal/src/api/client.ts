/** The portal's HTTP client: Strapi's JSON API on the same origin, the partner's tokens in ./tokens. */
import { isSessionAccessToken, session, type TokenAnswer } from './tokens';

export { session };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => undefined;
/** Called when a signed-in request answers 401 and no refresh helps: back to the login page. */
export const setUnauthorizedHandler = (handler: () => void) => {
  onUnauthorized = handler;
};

interface Options {
  body?: unknown;
  /** false for the public routes (login, invitations, applications): no token, no redirect. */
  auth?: boolean;
  /** Give up after this long (the login page must never wait for ever). */
  timeoutMs?: number;
  /** false: a session found over is only reported, the page stays (signing out). */
  redirectOnUnauthorized?: boolean;
}

const headersFor = (token: string | null, json: boolean) => {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (json) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
};

const errorOf = async (response: Response) => {
  const json = (await response.json().catch(() => null)) as {
    error?: { message?: string; details?: unknown };
  } | null;
  const message = json?.error?.message || response.statusText || `HTTP ${response.status}`;
  return new ApiError(response.status, message, json?.error?.details);
};

const SESSION_ENDED = 'Your session has ended. Please sign in again.';

/**
 * A request with the partner's access token. With a refresh session (users-permissions
 * `jwtManagement: 'refresh'`) a token about to expire is replaced first, and a 401 (expired or
 * revoked access token) refreshes once and retries once; when that fails too, or in legacy mode,
 * the session is over and the handler takes the partner to the login page.
 */
async function send(method: string, path: string, options: Options = {}) {
  const auth = options.auth ?? true;
  // A form (a file upload) goes as multipart, with the boundary the browser sets.
  const form = options.body instanceof FormData ? options.body : undefined;
  const json = options.body !== undefined && !form;
  const attempt = (token: string | null) =>
    fetch(`/api${path}`, {
      method,
      headers: headersFor(auth ? token : null, json),
      body: form ?? (json ? JSON.stringify(options.body) : undefined),
      signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
    });
  if (!auth) return attempt(null);

  const ended = () => {
    session.clear();
    if (options.redirectOnUnauthorized ?? true) onUnauthorized();
    return new ApiError(401, SESSION_ENDED);
  };
  if (session.refreshDue() && !(await session.refresh())) throw ended();
  const sent = session.token();
  // Never signed in, or another request already found the session over and went to the login.
  if (!sent) throw new ApiError(401, SESSION_ENDED);
  let response = await attempt(sent);
  if (response.status === 401) {
    // Another request may have refreshed while this one was under way.
    const current = session.token();
    const renewed = current && current !== sent ? true : await session.refresh();
    if (renewed) response = await attempt(session.token());
  }
  if (response.status === 401) throw ended();
  return response;
}

const checked = async (response: Response) => {
  if (!response.ok) throw await errorOf(response);
  return response;
};

export async function request<T>(method: string, path: string, options: Options = {}) {
  const response = await checked(await send(method, path, options));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: Options) => request<T>('GET', path, options),
  post: <T>(path: string, body: unknown, options?: Options) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  /** A multipart POST (files in the field `files`). */
  upload: <T>(path: string, files: File[]) => {
    const body = new FormData();
    for (const file of files) body.append('files', file, file.name);
    return request<T>('POST', path, { body });
  },
  delete: (path: string) => request<void>('DELETE', path),
};

const AUTH_TIMEOUT_MS = 20_000;

/**
 * Signs in with users-permissions' own `POST /api/auth/local` and keeps the tokens its mode
 * answers (see ./tokens). Rejects with a message on every failure, also a server that does not
 * answer within 20 s.
 */
export async function signIn(identifier: string, password: string) {
  const answer = await request<TokenAnswer | undefined>('POST', '/auth/local', {
    body: { identifier, password },
    auth: false,
    timeoutMs: AUTH_TIMEOUT_MS,
  }).catch((caught: unknown) => {
    if (caught instanceof ApiError) throw caught;
    throw new Error(
      caught instanceof DOMException && caught.name === 'TimeoutError'
        ? 'The server did not answer in time. Please try again.'
        : 'The server cannot be reached. Check your connection and try again.'
    );
  });
  if (!answer?.jwt) throw new Error('The server answered without a session. Please try again.');
  session.start(answer);
}

/**
 * The session an accepted invitation starts. Its token comes from users-permissions' `jwt.issue`,
 * which in `refresh` mode is an access token of minutes without its refresh token: one regular
 * sign-in with the new password gets both. In legacy mode the token is the whole session.
 */
export async function startInvitedSession(jwt: string, identifier: string, password: string) {
  if (isSessionAccessToken(jwt)) {
    try {
      await signIn(identifier, password);
      return;
    } catch {
      // Signed in all the same, only until the access token expires.
    }
  }
  session.start({ jwt });
}

/**
 * Signs out: in `refresh` mode first revokes this session (`POST /api/auth/logout`, with the
 * refresh token or its cookie), so the refresh token is dead even if it was copied. The access
 * token itself stays valid until it expires (minutes). Legacy mode has nothing to revoke.
 */
export async function signOut() {
  try {
    if (session.refreshable()) {
      await request('POST', '/auth/logout', {
        body: session.logoutBody(),
        timeoutMs: AUTH_TIMEOUT_MS,
        redirectOnUnauthorized: false,
      });
    }
  } catch {
    // Already over on the server, or the server is unreachable: the tokens go anyway.
  }
  session.clear();
}

/** `?a=1&b=2` from the set values only. */
export const query = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const fileNameOf = (response: Response, fallback: string) => {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
};

/**
 * Downloads need the Bearer token, so a plain link cannot do: fetch the file, then save the blob
 * through an object URL.
 */
export async function download(path: string, fallbackName: string) {
  const response = await checked(await send('GET', path));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileNameOf(response, fallbackName);
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
