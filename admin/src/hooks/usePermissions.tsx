import * as React from 'react';
import { useAuth, useRBAC } from '@strapi/strapi/admin';
import { ACTIONS, type Ability, permissionsFor } from '../permissions';

type Abilities = Record<Ability, boolean> & { isLoading: boolean };

const NONE: Abilities = {
  isLoading: true,
  read: false,
  managePrograms: false,
  managePartners: false,
  approveCommissions: false,
  managePayouts: false,
  manageSettings: false,
  manageStripeEvents: false,
};

const PermissionsContext = React.createContext<Abilities>(NONE);

// Module constants: useRBAC compares its argument between renders.
const READ = permissionsFor('read');
const PROGRAMS = permissionsFor('managePrograms');
const PARTNERS = permissionsFor('managePartners');
const COMMISSIONS = permissionsFor('approveCommissions');
const PAYOUTS = permissionsFor('managePayouts');
const SETTINGS = permissionsFor('manageSettings');
const STRIPE_EVENTS = permissionsFor('manageStripeEvents');

/**
 * Asks the admin once per action: useRBAC names an action by its last segment, and six of the
 * plugin's actions end in "manage", so they cannot share one call. useRBAC checks once, on mount;
 * a page opened before the admin has fetched the user's permissions would keep "no", so the
 * user's permissions (which re-render when they arrive) count too. The plugin's actions carry no
 * conditions, so holding the action is the whole check.
 */
export const PermissionsProvider = ({ children }: { children: React.ReactNode }) => {
  const read = useRBAC(READ);
  const programs = useRBAC(PROGRAMS);
  const partners = useRBAC(PARTNERS);
  const commissions = useRBAC(COMMISSIONS);
  const payouts = useRBAC(PAYOUTS);
  const settings = useRBAC(SETTINGS);
  const stripeEvents = useRBAC(STRIPE_EVENTS);
  const held = useAuth('PartnersPermissions', (state) => state.permissions);
  const authLoading = useAuth('PartnersPermissions', (state) => state.isLoading);
  const holds = (ability: Ability) =>
    held.some((permission) => permission.action === ACTIONS[ability]);
  const all = [read, programs, partners, commissions, payouts, settings, stripeEvents];
  const value: Abilities = {
    isLoading: authLoading || all.some((check) => check.isLoading),
    read: Boolean(read.allowedActions.canRead) || holds('read'),
    managePrograms: Boolean(programs.allowedActions.canManage) || holds('managePrograms'),
    managePartners: Boolean(partners.allowedActions.canManage) || holds('managePartners'),
    approveCommissions:
      Boolean(commissions.allowedActions.canApprove) || holds('approveCommissions'),
    managePayouts: Boolean(payouts.allowedActions.canManage) || holds('managePayouts'),
    manageSettings: Boolean(settings.allowedActions.canManage) || holds('manageSettings'),
    manageStripeEvents:
      Boolean(stripeEvents.allowedActions.canManage) || holds('manageStripeEvents'),
  };
  return <PermissionsContext.Provider value={value}>{children}</PermissionsContext.Provider>;
};

/** What the signed-in admin may do in the plugin. */
export const usePermissions = () => React.useContext(PermissionsContext);
