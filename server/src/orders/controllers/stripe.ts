import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../platform/plugin-context';
import { RAW_BODY } from '../stripe-raw-body';

const createStripeController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /stripe/webhook`: 400 on a bad or stale signature (nothing stored), else 200. */
  async webhook(ctx: Context) {
    const stripe = getService('stripe', { strapi });
    const event = stripe.verify(ctx.state[RAW_BODY], ctx.get('stripe-signature') || undefined);
    ctx.body = { data: await stripe.handle(event) };
  },
});

export default createStripeController;
