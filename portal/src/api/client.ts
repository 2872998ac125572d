/** The portal's HTTP client: Strapi's JSON API on the same origin, the JWT in sessionStorage. */
const TOKEN_KEY = 'partners.portal.jwt';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  save: (jwt: string) => sessionStorage.setItem(TOKEN_KEY, jwt),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

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
/** Called when a signed-in request answers 401 (expired or revoked JWT): back to the login page. */
export const setUnauthorizedHandler = (handler: () => void) => {
  onUnauthorized = handler;
};

interface Options {
  body?: unknown;
  /** false for the public routes (login, invitations, applications): no token, no redirect. */
  auth?: boolean;
}

const headersFor = (auth: boolean, json: boolean) => {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (json) headers['Content-Type'] = 'application/json';
  const token = session.token();
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  return headers;
};

const errorOf = async (response: Response) => {
  const json = (await response.json().catch(() => null)) as {
    error?: { message?: string; details?: unknown };
  } | null;
  const message = json?.error?.message || response.statusText || `HTTP ${response.status}`;
  return new ApiError(response.status, message, json?.error?.details);
};

const checked = async (response: Response, auth: boolean) => {
  if (response.status === 401 && auth) {
    session.clear();
    onUnauthorized();
    throw new ApiError(401, 'Your session has ended. Please sign in again.');
  }
  if (!response.ok) throw await errorOf(response);
  return response;
};

export async function request<T>(method: string, path: string, options: Options = {}) {
  const auth = options.auth ?? true;
  const response = await fetch(`/api${path}`, {
    method,
    headers: headersFor(auth, options.body !== undefined),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  await checked(response, auth);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: Options) => request<T>('GET', path, options),
  post: <T>(path: string, body: unknown, options?: Options) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
};

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
  const response = await checked(
    await fetch(`/api${path}`, { headers: headersFor(true, false) }),
    true
  );
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
