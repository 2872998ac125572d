import { allow } from '../platform/admin-access';
import type { Route } from '../platform/route';

const siteBackend = { policies: ['plugin::partners.is-api-token'] };

/** The order list (admin JWT, "Read") and Stripe events (its own action), under /partners. */
export const adminRoutes: Route[] = [
  { method: 'GET', path: '/orders', handler: 'order-list.find', config: allow('read') },
  {
    method: 'GET',
    path: '/stripe-events',
    handler: 'stripe-events.find',
    config: allow('stripe-events.manage'),
  },
  {
    method: 'POST',
    path: '/stripe-events/:id/replay',
    handler: 'stripe-events.replay',
    config: allow('stripe-events.manage'),
  },
];

/**
 * The site backend's orders, refunds and customer status (API token) and the Stripe webhook, under
 * /api/partners.
 */
export const contentApiRoutes: Route[] = [
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
];
