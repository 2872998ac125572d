import type { Route } from './route';
import { partnerRoutes } from './partners';
import { trackingRoutes } from './tracking';

const siteBackend = { policies: ['plugin::partners.is-api-token'] };

/** Public and API-token routes, mounted under /api/partners. */
const routes: Route[] = [
  { method: 'GET', path: '/health', handler: 'health.check', config: { auth: false } },
  { method: 'POST', path: '/orders', handler: 'orders.create', config: siteBackend },
  {
    method: 'POST',
    path: '/orders/:externalId/refunds',
    handler: 'orders.refund',
    config: siteBackend,
  },
  {
    method: 'POST',
    path: '/customers/:externalId/status',
    handler: 'customers.setStatus',
    config: siteBackend,
  },
  { method: 'POST', path: '/stripe/webhook', handler: 'stripe.webhook', config: { auth: false } },
  ...trackingRoutes,
  ...partnerRoutes,
];

export default { type: 'content-api', routes };
