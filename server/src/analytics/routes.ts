import { allow } from '../platform/admin-access';
import type { Route } from '../platform/route';

/** The admin overview (admin JWT, "Read") and its rollup rebuild ("Manage settings"). */
export const adminRoutes: Route[] = [
  { method: 'GET', path: '/overview', handler: 'overview.find', config: allow('read') },
  {
    method: 'POST',
    path: '/overview/rebuild',
    handler: 'overview.rebuild',
    config: allow('settings.manage'),
  },
];

export const contentApiRoutes: Route[] = [];
