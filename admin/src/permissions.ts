import { PLUGIN_ID } from './pluginId';

/**
 * The plugin's admin actions (server/src/platform/permissions.ts), as the admin's RBAC checks
 * name them.
 */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  managePrograms: `plugin::${PLUGIN_ID}.programs.manage`,
  managePartners: `plugin::${PLUGIN_ID}.partners.manage`,
  approveCommissions: `plugin::${PLUGIN_ID}.commissions.approve`,
  managePayouts: `plugin::${PLUGIN_ID}.payouts.manage`,
  manageSettings: `plugin::${PLUGIN_ID}.settings.manage`,
  manageStripeEvents: `plugin::${PLUGIN_ID}.stripe-events.manage`,
} as const;

export type Ability = keyof typeof ACTIONS;

/** `useRBAC`'s shape for one action. */
export const permissionsFor = (ability: Ability) => [{ action: ACTIONS[ability], subject: null }];
