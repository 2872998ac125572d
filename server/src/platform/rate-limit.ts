import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { clientKey } from '../attribution/client-address';

export interface RateLimitConfig {
  /** Requests a client may make per window. */
  max: number;
  windowSeconds: number;
}

/** Clients remembered per window at most; beyond it new clients share one bucket. */
const MAX_CLIENTS = 100_000;

/**
 * A fixed-window counter per client address (IPv6: per /64), in this node's memory. With several
 * nodes behind a load balancer each node counts on its own, so a client gets up to `max` per
 * node. Behind a proxy, enable Strapi's `server.proxy` so the client's address is seen, not the
 * proxy's. Windows are aligned to the clock, so the whole table is dropped when one ends.
 */
export const createFixedWindowLimiter = ({ max, windowSeconds }: RateLimitConfig) => {
  const windowMs = windowSeconds * 1000;
  let window = -1;
  let counts = new Map<string, number>();
  return {
    /** Counts one request; the seconds to wait when over the limit, else 0. */
    take(key: string, now = Date.now()): number {
      const current = Math.floor(now / windowMs);
      if (current !== window) {
        window = current;
        counts = new Map();
      }
      const bucket = counts.has(key) || counts.size < MAX_CLIENTS ? key : 'overflow';
      const count = (counts.get(bucket) ?? 0) + 1;
      counts.set(bucket, count);
      return count > max ? Math.ceil(((current + 1) * windowMs - now) / 1000) : 0;
    },
  };
};

/** Route middleware `plugin::partners.rate-limit` (SPEC §11: public endpoints are rate-limited). */
const rateLimit = (config: RateLimitConfig, _context: { strapi: Core.Strapi }) => {
  const limiter = createFixedWindowLimiter(config);
  return async (ctx: Context, next: Next) => {
    const retryAfter = limiter.take(clientKey(ctx.request.ip));
    if (retryAfter > 0) {
      ctx.set('Retry-After', String(retryAfter));
      throw new errors.RateLimitError('Too many requests, please try again later.', {
        retryAfter,
      });
    }
    await next();
  };
};

export default rateLimit;
