import type { Core } from '@strapi/strapi';

/**
 * Order, refund and customer routes take money-moving input from the site's backend only:
 * an API token, never a users-permissions login (a partner must not report its own sales).
 */
const isApiToken: Core.PolicyHandler = (policyContext) => {
  const { state } = policyContext as unknown as {
    state: { auth?: { strategy?: { name?: string } } };
  };
  return state.auth?.strategy?.name === 'api-token';
};

export default isApiToken;
