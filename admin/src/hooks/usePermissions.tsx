import * as React from 'react';
import { useRBAC } from '@strapi/strapi/admin';
import { type Ability, permissionsFor } from '../permissions';

type Abilities = Record<Ability, boolean> & { isLoading: boolean };

const NONE: Abilities = {
  isLoading: true,
  read: false,
  managePrograms: false,
  managePartners: false,
  approveCommissions: false,
  managePayouts: false,
  manageSettings: false,
};

const PermissionsContext = React.createContext<Abilities>(NONE);

// Module constants: useRBAC compares its argument between renders.
const READ = permissionsFor('read');
const PROGRAMS = permissionsFor('managePrograms');
const PARTNERS = permissionsFor('managePartners');
const COMMISSIONS = permissionsFor('approveCommissions');
const PAYOUTS = permissionsFor('managePayouts');
const SETTINGS = permissionsFor('manageSettings');

/**
 * Asks the admin once per action: useRBAC names an action by its last segment, and five of the
 * plugin's actions end in "manage", so they cannot share one call.
 */
export const PermissionsProvider = ({ children }: { children: React.ReactNode }) => {
  const read = useRBAC(READ);
  const programs = useRBAC(PROGRAMS);
  const partners = useRBAC(PARTNERS);
  const commissions = useRBAC(COMMISSIONS);
  const payouts = useRBAC(PAYOUTS);
  const settings = useRBAC(SETTINGS);
  const all = [read, programs, partners, commissions, payouts, settings];
  const value: Abilities = {
    isLoading: all.some((check) => check.isLoading),
    read: Boolean(read.allowedActions.canRead),
    managePrograms: Boolean(programs.allowedActions.canManage),
    managePartners: Boolean(partners.allowedActions.canManage),
    approveCommissions: Boolean(commissions.allowedActions.canApprove),
    managePayouts: Boolean(payouts.allowedActions.canManage),
    manageSettings: Boolean(settings.allowedActions.canManage),
  };
  return <PermissionsContext.Provider value={value}>{children}</PermissionsContext.Provider>;
};

/** What the signed-in admin may do in the plugin. */
export const usePermissions = () => React.useContext(PermissionsContext);
