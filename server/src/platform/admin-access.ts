import { adminAction, type AdminAction } from './permissions';

/** Admin users holding `action`. */
export const allow = (action: AdminAction) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [adminAction(action)] } },
  ],
});

/** Admin users holding any of `actions` (reads open to "Read" and to the area's managers). */
export const allowAny = (...actions: AdminAction[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    {
      name: 'plugin::partners.has-any-admin-action',
      config: { actions: actions.map(adminAction) },
    },
  ],
});
