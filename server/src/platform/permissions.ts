import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../plugin/model';

/**
 * The plugin's admin actions (SPEC §9), shown under Settings → Roles → Plugins → Partners.
 * Routes name them as `plugin::partners.<uid>`.
 */
const ACTIONS = [
  { uid: 'read', displayName: 'Read programs, partners and analytics' },
  { uid: 'programs.manage', displayName: 'Manage programs' },
  { uid: 'partners.manage', displayName: 'Manage partners' },
  { uid: 'commissions.approve', displayName: 'Approve commissions' },
  { uid: 'payouts.manage', displayName: 'Manage payouts' },
  { uid: 'settings.manage', displayName: 'Manage settings' },
  { uid: 'stripe-events.manage', displayName: 'View and replay Stripe events' },
] as const;

export type AdminAction = (typeof ACTIONS)[number]['uid'];

export const ADMIN_ACTIONS = ACTIONS.map((action) => ({
  ...action,
  section: 'plugins',
  pluginName: PLUGIN_ID,
}));

/** `plugin::partners.<action>`, as routes and the admin's RBAC checks name it. */
export const adminAction = (action: AdminAction) => `plugin::${PLUGIN_ID}.${action}`;

/** Registers the actions; must run in the plugin's register phase (Strapi refuses them later). */
export const registerPermissions = ({ strapi }: { strapi: Core.Strapi }) =>
  strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTIONS);
