import { allow } from '../platform/admin-access';
import { rateLimited } from '../platform/rate-limit';
import type { Route } from '../platform/route';

/** The public directory, under /api/partners (the HTML pages are in directory-page.ts). */
export const contentApiRoutes: Route[] = [
  {
    method: 'GET',
    path: '/directory',
    handler: 'directory.list',
    config: rateLimited('directory', 60),
  },
  {
    method: 'GET',
    path: '/directory/:slug',
    handler: 'directory.show',
    config: rateLimited('directory', 60),
  },
];

const managePartners = allow('partners.manage');

/** Editors draft, unpublish and reject listings with "Manage partners", under /partners. */
export const adminRoutes: Route[] = [
  { method: 'GET', path: '/directory/listings', handler: 'listings.find', config: managePartners },
  {
    method: 'GET',
    path: '/directory/listings/:id',
    handler: 'listings.findOne',
    config: managePartners,
  },
  {
    method: 'PUT',
    path: '/directory/listings/:id',
    handler: 'listings.draft',
    config: managePartners,
  },
  {
    method: 'POST',
    path: '/directory/listings/:id/unpublish',
    handler: 'listings.unpublish',
    config: managePartners,
  },
  {
    method: 'POST',
    path: '/directory/listings/:id/reject',
    handler: 'listings.reject',
    config: managePartners,
  },
];
