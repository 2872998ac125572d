import { allow } from '../platform/admin-access';
import type { Route } from '../platform/route';

const managePayouts = allow('payouts.manage');

/** Payout runs, exports and statements (admin JWT, "Manage payouts"), under /partners. */
export const adminRoutes: Route[] = [
  { method: 'POST', path: '/payouts/run', handler: 'payouts.run', config: managePayouts },
  { method: 'GET', path: '/payouts', handler: 'payouts.list', config: managePayouts },
  { method: 'GET', path: '/payouts/export', handler: 'payouts.exportCsv', config: managePayouts },
  {
    method: 'GET',
    path: '/payouts/export/paypal',
    handler: 'payouts.exportPaypal',
    config: managePayouts,
  },
  {
    method: 'GET',
    path: '/payouts/export/entries',
    handler: 'payouts.exportEntries',
    config: managePayouts,
  },
  {
    method: 'GET',
    path: '/payouts/:documentId',
    handler: 'payouts.findOne',
    config: managePayouts,
  },
  {
    method: 'POST',
    path: '/payouts/:documentId/paid',
    handler: 'payouts.markPaid',
    config: managePayouts,
  },
  {
    method: 'POST',
    path: '/payouts/:documentId/failed',
    handler: 'payouts.markFailed',
    config: managePayouts,
  },
  {
    method: 'POST',
    path: '/payouts/:documentId/send',
    handler: 'payouts.send',
    config: managePayouts,
  },
  { method: 'GET', path: '/statements', handler: 'statements.find', config: managePayouts },
  { method: 'GET', path: '/statements/csv', handler: 'statements.csv', config: managePayouts },
  { method: 'GET', path: '/statements/pdf', handler: 'statements.pdf', config: managePayouts },
];

export const contentApiRoutes: Route[] = [];
