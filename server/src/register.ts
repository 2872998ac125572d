import type { Core } from '@strapi/strapi';
import { uid } from '../../plugin/model';
import { stripeRawBody } from './middlewares/stripe-raw-body';
import { getService } from './plugin-context';

const ORDER = uid('order');

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Before Strapi's own middlewares (they are added at bootstrap), so the body parser never sees
  // the Stripe webhook's bytes.
  strapi.server.use(stripeRawBody({ strapi }));

  // Orders written through the Document Service (admin, host code) settle their commissions
  // exactly as the REST route does (SPEC §7). The plugin's own services write with db.query,
  // so this never runs twice for one write.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === ORDER && (context.action === 'create' || context.action === 'update')) {
      const id = (result as { id?: number } | null)?.id;
      if (id) await getService('orders', { strapi }).settle(id);
    }
    return result;
  });
};

export default register;
