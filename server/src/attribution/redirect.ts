import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../../../plugin/model';
import { REFERRAL_COOKIE } from '../../../plugin/tracking';
import { getPluginConfig, getService } from '../platform/plugin-context';
import type { ClientInfo } from './tracking';

/** The request facts a click records (the IP only ever as its hash, see client-address). */
export const clientOf = (ctx: Context): ClientInfo => ({
  ip: ctx.request.ip,
  userAgent: ctx.get('User-Agent') || null,
  referrer: ctx.get('Referer') || null,
  isHead: ctx.method === 'HEAD',
});

const queryString = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * `GET /api/partners/r/:code` and `GET <shortPath>/:code`: records the click, then 302 to the
 * landing page (SPEC §6). Answered by the early middleware below, and by the routes when a host
 * takes that middleware out of its stack.
 */
export const answerRedirect = async (strapi: Core.Strapi, ctx: Context, code: string) => {
  const target = await getService('tracking', { strapi }).redirect({
    code,
    to: queryString(ctx.query.to),
    visitorId: queryString(ctx.query.pvid),
    referralCookie: ctx.cookies.get(REFERRAL_COOKIE, { signed: false }) ?? null,
    client: clientOf(ctx),
  });
  if (!target) throw new errors.NotFoundError('Unknown referral link');
  // Every visit must reach the server to be counted, and the target names the visitor.
  // The landing page may see the referring site's origin (Strapi's default is no referrer).
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  ctx.status = 302;
  ctx.redirect(target.location);
};

/** koa-router's decoding: a malformed escape leaves the text as it is. */
const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The code of a redirect path (`<base>/<code>`, one optional trailing slash, bases matched
 * without regard to case as the router does), or null for any other path.
 */
export const redirectCode = (path: string, bases: readonly string[]): string | null => {
  const lower = path.toLowerCase();
  for (const base of bases) {
    if (!lower.startsWith(`${base}/`)) continue;
    const rest = path.slice(base.length + 1).replace(/\/$/, '');
    return rest && !rest.includes('/') ? decode(rest) : null;
  }
  return null;
};

/** The middleware's name in a host's `config/middlewares.ts`. */
export const EARLY_REDIRECT = `plugin::${PLUGIN_ID}.redirect`;

/**
 * The redirects, answered ahead of the rest of Strapi's stack: after the host's logger, error
 * handler and security headers (placed so by `placeEarlyRedirect`), before CORS, query and body
 * parsing, the session, favicon, public files, the router and route authentication, none of
 * which a redirect needs. Every other request passes through untouched.
 */
export const earlyRedirect = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).toLowerCase();
  const { shortPath } = getPluginConfig({ strapi }).tracking;
  const bases = [`${prefix}/${PLUGIN_ID}/r`, ...(shortPath ? [shortPath.toLowerCase()] : [])];
  return async (ctx: Context, next: Next) => {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      const code = redirectCode(ctx.path, bases);
      if (code !== null) return answerRedirect(strapi, ctx, code);
    }
    return next();
  };
};

type MiddlewareEntry = string | { name?: string; resolve?: string; config?: unknown };

/** Strapi's stack when the host has no config/middlewares (its register-middlewares default). */
const STRAPI_DEFAULT_STACK: MiddlewareEntry[] = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::session',
  'strapi::query',
  'strapi::body',
  'strapi::favicon',
  'strapi::public',
];

/** The ones that must see a redirect: the request log, error answers, security headers. */
const BEFORE_REDIRECT = ['strapi::logger', 'strapi::errors', 'strapi::security'];

const nameOf = (entry: MiddlewareEntry) => (typeof entry === 'string' ? entry : entry.name);

/**
 * Register: puts the early redirect into the host's middleware stack right after the last of
 * Strapi's logger, errors and security middlewares. A host that lists `plugin::partners.redirect`
 * itself keeps the place it chose.
 */
export const placeEarlyRedirect = (strapi: Core.Strapi) => {
  const stack = strapi.config.get<MiddlewareEntry[] | undefined>('middlewares') ?? [
    ...STRAPI_DEFAULT_STACK,
  ];
  if (stack.some((entry) => nameOf(entry) === EARLY_REDIRECT)) return;
  const after = Math.max(
    ...BEFORE_REDIRECT.map((name) => stack.findIndex((e) => nameOf(e) === name))
  );
  strapi.config.set('middlewares', [
    ...stack.slice(0, after + 1),
    EARLY_REDIRECT,
    ...stack.slice(after + 1),
  ]);
};
