/**
 * The portal's pages a signed-out partner reaches without a session: never a place to come back
 * to after signing in (`/login?next=/login` looped on the login page).
 */
const PUBLIC_PAGES = ['/login', '/invitation', '/invite', '/apply'] as const;

const DASHBOARD = '/';

/** Printable ASCII only: no control characters, spaces or backslashes browsers read as `/`. */
const SAFE_CHARACTERS = /^[\x21-\x5b\x5d-\x7e]*$/;

/** `.` and `..` segments: the URL parser resolves them, so `/x/../login` is the login page. */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

const isPublicPage = (pathname: string) =>
  PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));

/**
 * Where the login page sends a partner after signing in: the `next` query value if it is a path
 * inside the portal's router (`/commissions?page=2`), else the dashboard. Only same-portal
 * relative paths pass: absolute or protocol-relative URLs (`https://…`, `//host`, `/\host`),
 * anything with a scheme, control characters, spaces or dot segments, and the public pages (login, invitation,
 * apply) all give `/`, so a crafted link can neither leave the portal nor loop on the login page.
 * A path that repeats the portal's own base path (`/partner-portal/payouts`) is read without it.
 */
export const safeNextPath = (next: string | null | undefined, basename = ''): string => {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return DASHBOARD;
  if (!SAFE_CHARACTERS.test(next)) return DASHBOARD;
  let path = next;
  if (basename && basename !== '/') {
    const base = basename.replace(/\/+$/, '');
    if (path === base) return DASHBOARD;
    if (path.startsWith(`${base}/`) || path.startsWith(`${base}?`)) {
      path = path.slice(base.length);
      if (!path.startsWith('/')) path = `/${path}`;
    }
  }
  if (path.startsWith('//')) return DASHBOARD;
  let pathname: string;
  try {
    // The router matches decoded paths: `/%6cogin` is the login page too.
    pathname = decodeURIComponent(path.split(/[?#]/, 1)[0]);
  } catch {
    return DASHBOARD;
  }
  if (pathname.startsWith('//') || !SAFE_CHARACTERS.test(pathname)) return DASHBOARD;
  if (DOT_SEGMENT.test(pathname)) return DASHBOARD;
  if (isPublicPage(pathname.replace(/\/+$/, '').toLowerCase())) return DASHBOARD;
  return path;
};
