import { allow, allowAny } from '../platform/admin-access';
import type { Route } from '../platform/route';

const publicRoute = { auth: false } as const;

/** SPEC §11: the tracker's write endpoints are rate-limited per client address (per node). */
const limited = (max: number) => ({
  ...publicRoute,
  middlewares: [{ name: 'plugin::partners.rate-limit', config: { max, windowSeconds: 60 } }],
});

/** Link redirects, the tracker script and its public endpoints (SPEC §6), under /api/partners. */
export const contentApiRoutes: Route[] = [
  { method: 'GET', path: '/r/:code', handler: 'tracking.redirect', config: publicRoute },
  { method: 'GET', path: '/tracker.js', handler: 'tracking.script', config: publicRoute },
  {
    method: 'GET',
    path: '/track/links/:code',
    handler: 'tracking.linkSettings',
    config: limited(120),
  },
  { method: 'POST', path: '/track/click', handler: 'tracking.click', config: limited(60) },
  { method: 'POST', path: '/track/signup', handler: 'tracking.signup', config: limited(10) },
];

/** A partner's links and codes, for editors (admin JWT), under /partners. */
export const adminRoutes: Route[] = [
  {
    method: 'GET',
    path: '/partners/:id/links',
    handler: 'links.find',
    config: allowAny('read', 'partners.manage'),
  },
  {
    method: 'POST',
    path: '/partners/:id/links',
    handler: 'links.create',
    config: allow('partners.manage'),
  },
  { method: 'PUT', path: '/links/:id', handler: 'links.update', config: allow('partners.manage') },
];
