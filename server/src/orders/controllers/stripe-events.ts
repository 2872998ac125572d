import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { idParamSchema, listStripeEventsQuerySchema } from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `GET /partners/stripe-events`, `POST /partners/stripe-events/:id/replay` (stripe-events.manage). */
const createStripeEventsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { results, pagination } = await getService('stripe-events', { strapi }).list(
      parseInput(listStripeEventsQuerySchema, ctx.query)
    );
    ctx.body = { data: results, meta: { pagination } };
  },

  async replay(ctx: Context) {
    const id = parseInput(idParamSchema, ctx.params.id);
    ctx.body = { data: await getService('stripe-events', { strapi }).replay(id) };
  },
});

export default createStripeEventsController;
