import { allow, allowAny } from './admin-access';
import type { Route } from './route';

/** Plugin settings, for editors holding "Manage settings" (admin JWT), under /partners. */
export const adminRoutes: Route[] = [
  {
    method: 'POST',
    path: '/media',
    handler: 'media.upload',
    config: allowAny('programs.manage', 'partners.manage'),
  },
  { method: 'GET', path: '/settings', handler: 'settings.find', config: allow('settings.manage') },
  {
    method: 'PUT',
    path: '/settings',
    handler: 'settings.update',
    config: allow('settings.manage'),
  },
];

/** The health check, public, under /api/partners. */
export const contentApiRoutes: Route[] = [
  { method: 'GET', path: '/health', handler: 'health.check', config: { auth: false } },
];
