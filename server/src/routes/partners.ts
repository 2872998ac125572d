import { adminAction } from '../permissions';
import { IS_PARTNER_POLICY } from '../policies/is-partner';
import type { Route } from './route';

/** SPEC §11: public endpoints are rate-limited per client address (see middlewares/rate-limit). */
const limited = (max: number) => ({
  auth: false as const,
  middlewares: [{ name: 'plugin::partners.rate-limit', config: { max, windowSeconds: 60 } }],
});

const portal = { policies: [IS_PARTNER_POLICY] };

/** The partner lifecycle's public routes and the portal's team routes, under /api/partners. */
export const partnerRoutes: Route[] = [
  {
    method: 'GET',
    path: '/programs/:slug/application',
    handler: 'applications.page',
    config: limited(60),
  },
  { method: 'POST', path: '/applications', handler: 'applications.apply', config: limited(10) },
  { method: 'GET', path: '/invitations/:token', handler: 'invitations.view', config: limited(30) },
  {
    method: 'POST',
    path: '/invitations/accept',
    handler: 'invitations.accept',
    config: limited(10),
  },
  { method: 'GET', path: '/portal/team', handler: 'team.list', config: portal },
  { method: 'POST', path: '/portal/team', handler: 'team.invite', config: portal },
  { method: 'DELETE', path: '/portal/team/:id', handler: 'team.remove', config: portal },
];

const managePartners = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [adminAction('partners.manage')] } },
  ],
};

/** Applications and portal access, for editors (admin JWT, "Manage partners"), under /partners. */
export const partnerAdminRoutes: Route[] = [
  { method: 'GET', path: '/applications', handler: 'applications.list', config: managePartners },
  {
    method: 'POST',
    path: '/partners/:id/approve',
    handler: 'applications.approve',
    config: managePartners,
  },
  {
    method: 'POST',
    path: '/partners/:id/reject',
    handler: 'applications.reject',
    config: managePartners,
  },
  {
    method: 'POST',
    path: '/partners/:id/invite',
    handler: 'invitations.invite',
    config: managePartners,
  },
  {
    method: 'POST',
    path: '/partners/:id/revoke-access',
    handler: 'invitations.revokeAccess',
    config: managePartners,
  },
  {
    method: 'GET',
    path: '/partners/:id/invitations',
    handler: 'invitations.list',
    config: managePartners,
  },
];
