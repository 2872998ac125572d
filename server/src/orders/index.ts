import customersController from './controllers/customers';
import orderListController from './controllers/order-list';
import ordersController from './controllers/orders';
import stripeController from './controllers/stripe';
import stripeEventsController from './controllers/stripe-events';
import orderList from './order-list';
import orderSync from './order-sync';
import orders from './orders';
import { adminRoutes, contentApiRoutes } from './routes';
import stripe from './stripe';
import stripeEventLog from './stripe-event-log';
import stripeEvents from './stripe-events';

/**
 * Orders: the site backend's API, host order sync, the admin order list, customer status and
 * Stripe (the webhook, its event log, and the admin's list and replay of events).
 */
export const services = {
  'order-list': orderList,
  'order-sync': orderSync,
  orders,
  stripe,
  'stripe-event-log': stripeEventLog,
  'stripe-events': stripeEvents,
};

export const controllers = {
  customers: customersController,
  'order-list': orderListController,
  orders: ordersController,
  stripe: stripeController,
  'stripe-events': stripeEventsController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
