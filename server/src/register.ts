import type { Core } from '@strapi/strapi';
import { uid } from '../../plugin/model';
import { closeContentManager } from './platform/close-content-manager';
import { stripeRawBody } from './orders/stripe-raw-body';
import { registerPermissions } from './platform/permissions';
import { getService } from './platform/plugin-context';
import { registerLinkCodes } from './attribution/link-codes';
import { watchLinks } from './attribution/link-resolver';
import { placeEarlyRedirect } from './attribution/redirect';
import { registerWebAddressGuard } from './platform/web-addresses';
import { registerWebhookEvents } from './notifications/webhook-events';

const ORDER = uid('order');

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Before Strapi's own middlewares (they are added at bootstrap), so the body parser never sees
  // the Stripe webhook's bytes.
  strapi.server.use(stripeRawBody({ strapi }));
  closeContentManager(strapi);
  placeEarlyRedirect(strapi);
  watchLinks(strapi);

  // Orders written through the Document Service (admin, host code) settle their commissions
  // exactly as the REST route does (SPEC §7). The plugin's own services write with db.query,
  // so this never runs twice for one write.
  // The host's own order collection, when configured, is mirrored the same way.
  const hostOrders = getService('order-sync', { strapi }).contentType();
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.action !== 'create' && context.action !== 'update') return result;
    const entry = result as { id?: number } | null;
    if (context.uid === ORDER && entry?.id) {
      await getService('orders', { strapi }).settle(entry.id);
    } else if (hostOrders && context.uid === hostOrders && entry) {
      await getService('order-sync', { strapi }).sync(entry);
    }
    return result;
  });
  registerLinkCodes(strapi);
  registerWebAddressGuard(strapi);
  registerWebhookEvents(strapi);
  return registerPermissions({ strapi });
};

export default register;
