import { allow } from '../platform/admin-access';
import type { Route } from '../platform/route';

/** The admin overview (admin JWT, "Read"), under /partners. */
export const adminRoutes: Route[] = [
  { method: 'GET', path: '/overview', handler: 'overview.find', config: allow('read') },
];

export const contentApiRoutes: Route[] = [];
