import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

export const RAW_BODY = 'partnersRawBody';
export const STRIPE_WEBHOOK_PATH = '/api/partners/stripe/webhook';
const LIMIT_BYTES = 1024 * 1024;

/**
 * Stripe signs the exact bytes it sends, and Strapi's body parser would consume and re-encode
 * them. Registered before Strapi's middlewares, this keeps the webhook's raw body on
 * `ctx.state` and hides it from the parser; every other request passes untouched, so the host
 * app's `strapi::body` settings need no change.
 */
export const stripeRawBody = (_: { strapi: Core.Strapi }) => async (ctx: Context, next: Next) => {
  if (ctx.method !== 'POST' || ctx.path !== STRIPE_WEBHOOK_PATH) return next();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT_BYTES) {
      ctx.status = 413;
      ctx.body = {
        data: null,
        error: {
          status: 413,
          name: 'PayloadTooLargeError',
          message: 'Webhook body too large',
          details: {},
        },
      };
      return;
    }
    chunks.push(chunk as Buffer);
  }
  ctx.state[RAW_BODY] = Buffer.concat(chunks);
  ctx.req.headers['content-type'] = 'application/octet-stream';
  return next();
};
