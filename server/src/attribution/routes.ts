import { allow, allowAny } from '../platform/admin-access';
import { rateLimited } from '../platform/rate-limit';
import type { Route } from '../platform/route';

const publicRoute = { auth: false } as const;

/** Link redirects, the tracker script and its public endpoints (SPEC §6), under /api/partners. */
export const contentApiRoutes: Route[] = [
  { method: 'GET', path: '/r/:code', handler: 'tracking.redirect', config: publicRoute },
  { method: 'GET', path: '/tracker.js', handler: 'tracking.script', config: publicRoute },
  {
    method: 'GET',
    path: '/track/links/:code',
    handler: 'tracking.linkSettings',
    config: rateLimited('link-settings', 120),
  },
  {
    method: 'POST',
    path: '/track/click',
    handler: 'tracking.click',
    config: rateLimited('track-click', 60),
  },
  {
    method: 'POST',
    path: '/track/signup',
    handler: 'tracking.signup',
    config: rateLimited('track-signup', 10),
  },
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
