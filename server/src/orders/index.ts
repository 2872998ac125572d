import customersController from './controllers/customers';
import orderListController from './controllers/order-list';
import ordersController from './controllers/orders';
import stripeController from './controllers/stripe';
import orderList from './order-list';
import orderSync from './order-sync';
import orders from './orders';
import { adminRoutes, contentApiRoutes } from './routes';
import stripe from './stripe';

/**
 * Orders: the site backend's API, host order sync, the admin order list, customer status and
 * Stripe.
 */
export const services = {
  'order-list': orderList,
  'order-sync': orderSync,
  orders,
  stripe,
};

export const controllers = {
  customers: customersController,
  'order-list': orderListController,
  orders: ordersController,
  stripe: stripeController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
