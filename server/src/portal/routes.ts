import { IS_PARTNER_POLICY } from './is-partner';
import type { Route } from '../platform/route';

const partner = { policies: [IS_PARTNER_POLICY] };

/**
 * The partner portal's API (SPEC §8), mounted under /api/partners/portal. Every route is behind
 * `is-partner`, which is also what grants it to the Partner role (partners/partner-role.ts).
 */
export const contentApiRoutes: Route[] = [
  { method: 'GET', path: '/portal/team', handler: 'team.list', config: partner },
  { method: 'POST', path: '/portal/team', handler: 'team.invite', config: partner },
  { method: 'DELETE', path: '/portal/team/:id', handler: 'team.remove', config: partner },
  { method: 'GET', path: '/portal/me', handler: 'portal.me', config: partner },
  { method: 'PUT', path: '/portal/profile', handler: 'portal.updateProfile', config: partner },
  { method: 'GET', path: '/portal/links', handler: 'portal.links', config: partner },
  { method: 'POST', path: '/portal/links', handler: 'portal.createLink', config: partner },
  { method: 'POST', path: '/portal/links/build', handler: 'portal.buildLink', config: partner },
  { method: 'PUT', path: '/portal/links/:id', handler: 'portal.updateLink', config: partner },
  { method: 'GET', path: '/portal/stats', handler: 'portal.stats', config: partner },
  { method: 'GET', path: '/portal/referrals', handler: 'portal.referrals', config: partner },
  {
    method: 'GET',
    path: '/portal/referrals/export',
    handler: 'portal.exportReferrals',
    config: partner,
  },
  { method: 'GET', path: '/portal/commissions', handler: 'portal.commissions', config: partner },
  {
    method: 'GET',
    path: '/portal/commissions/export',
    handler: 'portal.exportCommissions',
    config: partner,
  },
  { method: 'GET', path: '/portal/statements', handler: 'portal.statements', config: partner },
  {
    method: 'GET',
    path: '/portal/statements/:month',
    handler: 'portal.statement',
    config: partner,
  },
  {
    method: 'GET',
    path: '/portal/statements/:month/csv',
    handler: 'portal.statementCsv',
    config: partner,
  },
  {
    method: 'GET',
    path: '/portal/statements/:month/pdf',
    handler: 'portal.statementPdf',
    config: partner,
  },
  { method: 'GET', path: '/portal/payouts', handler: 'portal.payouts', config: partner },
  {
    method: 'GET',
    path: '/portal/payout-method',
    handler: 'portal.payoutMethod',
    config: partner,
  },
  {
    method: 'PUT',
    path: '/portal/payout-method',
    handler: 'portal.setPayoutMethod',
    config: partner,
  },
  {
    method: 'GET',
    path: '/portal/payout-methods',
    handler: 'portal.payoutMethods',
    config: partner,
  },
  {
    method: 'POST',
    path: '/portal/payout-methods',
    handler: 'portal.addPayoutMethod',
    config: partner,
  },
  {
    method: 'POST',
    path: '/portal/payout-methods/:id/activate',
    handler: 'portal.activatePayoutMethod',
    config: partner,
  },
  {
    method: 'POST',
    path: '/portal/payout-methods/:id/remove',
    handler: 'portal.removePayoutMethod',
    config: partner,
  },
  { method: 'GET', path: '/portal/assets', handler: 'portal.assets', config: partner },
  { method: 'GET', path: '/portal/leads', handler: 'portal.leads', config: partner },
  { method: 'POST', path: '/portal/leads', handler: 'portal.createLead', config: partner },
  { method: 'GET', path: '/portal/deals', handler: 'portal.deals', config: partner },
  { method: 'POST', path: '/portal/deals', handler: 'portal.createDeal', config: partner },
  {
    method: 'POST',
    path: '/portal/deals/:id/attachments',
    handler: 'portal.attachToDeal',
    config: partner,
  },
  { method: 'GET', path: '/portal/agreements', handler: 'portal.agreements', config: partner },
  { method: 'GET', path: '/portal/files/:id', handler: 'portal.downloadFile', config: partner },
  { method: 'GET', path: '/portal/listing', handler: 'portal.listing', config: partner },
  { method: 'POST', path: '/portal/listing', handler: 'portal.applyListing', config: partner },
  {
    method: 'POST',
    path: '/portal/listing/logo',
    handler: 'portal.uploadListingLogo',
    config: partner,
  },
  {
    method: 'POST',
    path: '/portal/listing/approve',
    handler: 'portal.approveListing',
    config: partner,
  },
  { method: 'GET', path: '/portal/sub-partners', handler: 'portal.subPartners', config: partner },
];

export const adminRoutes: Route[] = [];
