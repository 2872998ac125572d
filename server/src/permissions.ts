import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../plugin/model';

/**
 * The plugin's admin actions (SPEC §9), shown under Settings → Roles → Plugins → Partners.
 * Routes name them as `plugin::partners.<uid>`.
 */
export const ADMIN_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'Manage payouts',
    uid: 'payouts.manage',
    pluginName: PLUGIN_ID,
  },
];

/** Registers the actions; must run in the plugin's register phase (Strapi refuses them later). */
export const registerPermissions = ({ strapi }: { strapi: Core.Strapi }) =>
  strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTIONS);
