import { adminAction } from '../permissions';
import { partnerAdminRoutes } from './partners';
import type { Route } from './route';

/** Admin users holding the "Manage payouts" action (registered in ../permissions.ts). */
const managePayouts = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: ['plugin::partners.payouts.manage'] } },
  ],
};

/** Admin users holding the "Manage settings" action. */
const manageSettings = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [adminAction('settings.manage')] } },
  ],
};

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
  ...partnerAdminRoutes,
  {
    method: 'GET',
    path: '/notifications/templates',
    handler: 'email-templates.list',
    config: manageSettings,
  },
  {
    method: 'PUT',
    path: '/notifications/templates/:name',
    handler: 'email-templates.update',
    config: manageSettings,
  },
];

export default { type: 'admin', routes };
