import { rateLimited } from '../platform/rate-limit';
import { adminAction } from '../platform/permissions';
import { allow, allowAny } from '../platform/admin-access';
import type { Route } from '../platform/route';

/** The partner lifecycle's public routes, under /api/partners. */
export const contentApiRoutes: Route[] = [
  {
    method: 'GET',
    path: '/programs/:slug/application',
    handler: 'applications.page',
    config: rateLimited('application-page', 60),
  },
  {
    method: 'POST',
    path: '/applications',
    handler: 'applications.apply',
    config: rateLimited('apply', 10),
  },
  {
    method: 'POST',
    path: '/invitations/view',
    handler: 'invitations.view',
    config: rateLimited('invitation', 30),
  },
  {
    method: 'POST',
    path: '/invitations/accept',
    handler: 'invitations.accept',
    config: rateLimited('invitation-accept', 10),
  },
];

const managePartners = {
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [adminAction('partners.manage')] } },
  ],
};

/** Applications and portal access, for editors (admin JWT, "Manage partners"), under /partners. */
const lifecycleRoutes: Route[] = [
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
  {
    method: 'GET',
    path: '/partners/:id/invitations/:invitationId/link',
    handler: 'invitations.link',
    config: managePartners,
  },
  {
    method: 'POST',
    path: '/partners',
    handler: 'partner-directory.create',
    config: managePartners,
  },
];

/** Applications and portal access, the partner directory and deal registrations (admin JWT). */
export const adminRoutes: Route[] = [
  ...lifecycleRoutes,
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
    path: '/partners/:id/agreements',
    handler: 'agreements.partner',
    config: allowAny('read', 'partners.manage'),
  },
  {
    method: 'PUT',
    path: '/partners/:id/agreements',
    handler: 'agreements.setPartner',
    config: allow('partners.manage'),
  },
  {
    method: 'GET',
    path: '/programs/:id/agreements',
    handler: 'agreements.program',
    config: allowAny('read', 'programs.manage'),
  },
  {
    method: 'PUT',
    path: '/programs/:id/agreements',
    handler: 'agreements.setProgram',
    config: allow('programs.manage'),
  },
  {
    method: 'GET',
    path: '/referrals',
    handler: 'partner-directory.referrals',
    config: allowAny('read', 'partners.manage'),
  },
  {
    method: 'GET',
    path: '/deals/pipeline',
    handler: 'deals.pipeline',
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
  {
    method: 'POST',
    path: '/deals/:id/win',
    handler: 'deals.win',
    config: allow('partners.manage'),
  },
  {
    method: 'POST',
    path: '/deals/:id/lose',
    handler: 'deals.lose',
    config: allow('partners.manage'),
  },
];
