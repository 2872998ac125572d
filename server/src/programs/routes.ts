import { allow, allowAny } from '../platform/admin-access';
import type { Route } from '../platform/route';

/** Programs and their marketing assets (admin JWT), under /partners. */
export const adminRoutes: Route[] = [
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
];

export const contentApiRoutes: Route[] = [];
