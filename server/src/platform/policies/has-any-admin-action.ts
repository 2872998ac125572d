import type { Core } from '@strapi/strapi';

/**
 * Lets an admin through who holds at least one of `config.actions` (Strapi's
 * `admin::hasPermissions` needs all of them). Reading programs, say, is open to editors with
 * either "Read" or "Manage programs". Runs after `admin::isAuthenticatedAdmin`.
 */
const hasAnyAdminAction: Core.PolicyHandler = (policyContext, config) => {
  const { state } = policyContext as unknown as {
    state: { userAbility?: { can(action: string): boolean } };
  };
  const { actions } = (config ?? {}) as { actions?: string[] };
  return Boolean(actions?.length && actions.some((action) => state.userAbility?.can(action)));
};

export default hasAnyAdminAction;
