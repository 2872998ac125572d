import { adminAction, type AdminAction } from '../permissions';
import { partnerAdminRoutes } from './partners';
import type { Route } from './route';

/** Admin users holding the "Manage payouts" action (registered in ../permissions.ts). */
const managePayouts = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: ['plugin::partners.payouts.manage'] } },
  ],
};

/** Admin users holding `action`. */
const allow = (action: AdminAction) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [adminAction(action)] } },
  ],
});

/** Admin users holding any of `actions` (reads open to "Read" and to the area's managers). */
const allowAny = (...actions: AdminAction[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    {
      name: 'plugin::partners.has-any-admin-action',
      config: { actions: actions.map(adminAction) },
    },
  ],
});

/** Admin panel routes, mounted under /partners (admin JWT). */
const routes: Route[] = [
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

  { method: 'GET', path: '/overview', handler: 'overview.find', config: allow('read') },
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
  ...partnerAdminRoutes,

  {
    method: 'GET',
    path: '/programs',
    handler: 'programs.find',
    config: allowAny('read', 'programs.manage'),
  },
  {
    method: 'POST',
    path: '/programs',
    handler: 'programs.create',
    config: allow('programs.manage'),
  },
  {
    method: 'POST',
    path: '/programs/preview',
    handler: 'programs.preview',
    config: allow('programs.manage'),
  },
  {
    method: 'GET',
    path: '/programs/:id',
    handler: 'programs.findOne',
    config: allowAny('read', 'programs.manage'),
  },
  {
    method: 'PUT',
    path: '/programs/:id',
    handler: 'programs.update',
    config: allow('programs.manage'),
  },

  {
    method: 'GET',
    path: '/partners',
    handler: 'partner-directory.find',
    config: allowAny('read', 'partners.manage'),
  },
  {
    method: 'GET',
    path: '/partners/:id',
    handler: 'partner-directory.findOne',
    config: allowAny('read', 'partners.manage'),
  },
  {
    method: 'PUT',
    path: '/partners/:id',
    handler: 'partner-directory.update',
    config: allow('partners.manage'),
  },
  {
    method: 'GET',
    path: '/referrals',
    handler: 'partner-directory.referrals',
    config: allowAny('read', 'partners.manage'),
  },

  {
    method: 'GET',
    path: '/deals',
    handler: 'deals.find',
    config: allowAny('read', 'partners.manage'),
  },
  {
    method: 'POST',
    path: '/deals/:id/approve',
    handler: 'deals.approve',
    config: allow('partners.manage'),
  },
  {
    method: 'POST',
    path: '/deals/:id/reject',
    handler: 'deals.reject',
    config: allow('partners.manage'),
  },

  { method: 'GET', path: '/orders', handler: 'order-list.find', config: allow('read') },

  { method: 'GET', path: '/assets', handler: 'assets.find', config: allow('programs.manage') },
  { method: 'POST', path: '/assets', handler: 'assets.create', config: allow('programs.manage') },
  {
    method: 'PUT',
    path: '/assets/:id',
    handler: 'assets.update',
    config: allow('programs.manage'),
  },
  {
    method: 'DELETE',
    path: '/assets/:id',
    handler: 'assets.delete',
    config: allow('programs.manage'),
  },

  { method: 'GET', path: '/settings', handler: 'settings.find', config: allow('settings.manage') },
  {
    method: 'PUT',
    path: '/settings',
    handler: 'settings.update',
    config: allow('settings.manage'),
  },
];

export default { type: 'admin', routes };
