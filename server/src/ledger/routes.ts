import { allow, allowAny } from '../platform/admin-access';
import type { Route } from '../platform/route';

/** Commission review (admin JWT), under /partners. */
export const adminRoutes: Route[] = [
  {
    method: 'GET',
    path: '/commissions',
    handler: 'commission-review.find',
    config: allowAny('read', 'commissions.approve'),
  },
  {
    method: 'GET',
    path: '/commissions/export',
    handler: 'commission-review.exportCsv',
    config: allowAny('read', 'commissions.approve'),
  },
  {
    method: 'POST',
    path: '/commissions/approve',
    handler: 'commission-review.approve',
    config: allow('commissions.approve'),
  },
  {
    method: 'POST',
    path: '/commissions/reject',
    handler: 'commission-review.reject',
    config: allow('commissions.approve'),
  },
  {
    method: 'POST',
    path: '/commissions/release',
    handler: 'commission-review.release',
    config: allow('commissions.approve'),
  },
];

export const contentApiRoutes: Route[] = [];
