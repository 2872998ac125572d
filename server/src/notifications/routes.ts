import { allow, allowAny } from '../platform/admin-access';
import type { Route } from '../platform/route';

const manageSettings = allow('settings.manage');

/** E-mail templates (admin JWT, "Manage settings"), under /partners. */
export const adminRoutes: Route[] = [
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
  {
    // The program editor's preview: program managers word their programs' messages.
    method: 'POST',
    path: '/notifications/templates/:name/preview',
    handler: 'email-templates.preview',
    config: allowAny('programs.manage', 'settings.manage'),
  },
];

export const contentApiRoutes: Route[] = [];
