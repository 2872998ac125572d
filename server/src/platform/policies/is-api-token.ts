import type { Core } from '@strapi/strapi';

/**
 * Order, refund and customer routes take money-moving input from the site's backend only:
 * an API token, never a users-permissions login (a partner must not report its own sales).
 */
// Strapi 5.54 names the strategy `content-api-token`; earlier 5.x releases `api-token`.
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

const isApiToken: Core.PolicyHandler = (policyContext) => {
  const { state } = policyContext as unknown as {
    state: { auth?: { strategy?: { name?: string } } };
  };
  return API_TOKEN_STRATEGIES.has(state.auth?.strategy?.name ?? '');
};

export default isApiToken;
