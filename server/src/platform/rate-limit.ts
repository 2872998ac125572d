import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Redis from 'ioredis';
import type { Context, Next } from 'koa';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { clientKey } from '../attribution/client-address';
import { getPluginConfig } from './plugin-context';

export interface RateLimitConfig {
  /** The budget's name: one budget per name, shared by every node when Redis is configured. */
  name: string;
  /** Requests a client may make per window. */
  max: number;
  windowSeconds: number;
}

/**
 * Clients one node starts counting per window at most. Later new clients in the same window pass
 * uncounted: memory stays bounded (a counter lives one window, so at most twice this many exist)
 * and a flood of distinct addresses can never lock other clients out.
 */
export const MAX_NEW_CLIENTS_PER_WINDOW = 100_000;

/** A public route's config: no authentication, and this budget per client address (SPEC §11). */
export const rateLimited = (name: string, max: number, windowSeconds = 60) => ({
  auth: false as const,
  middlewares: [{ name: 'plugin::partners.rate-limit', config: { name, max, windowSeconds } }],
});

/**
 * Fixed-window counters in this node's memory (rate-limiter-flexible), bounded as above. Resolves
 * to the seconds to wait when the client is over its budget, else 0.
 */
export const createMemoryLimiter = (
  { name, max, windowSeconds }: RateLimitConfig,
  maxNewClients = MAX_NEW_CLIENTS_PER_WINDOW
) => {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points: max, duration: windowSeconds });
  let window = -1;
  let started = 0;
  return async (key: string, now = Date.now()): Promise<number> => {
    try {
      const result = await limiter.consume(key);
      if (!result.isFirstInDuration) return 0;
      const current = Math.floor(now / (windowSeconds * 1000));
      if (current !== window) [window, started] = [current, 0];
      started += 1;
      if (started > maxNewClients) await limiter.delete(key);
      return 0;
    } catch (rejection) {
      return secondsToWait(rejection);
    }
  };
};

const secondsToWait = (rejection: unknown) => {
  if (rejection instanceof RateLimiterRes)
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  throw rejection;
};

/** One Redis connection per Strapi process, opened at bootstrap (`openRateLimits`). */
const connections = new WeakMap<Core.Strapi, Redis>();
const redisOf = (strapi: Core.Strapi, url: string) => {
  let redis = connections.get(strapi);
  if (!redis) {
    // No offline queue: while Redis is away, a request is counted in memory instead of waiting.
    redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (error) => strapi.log.warn(`[partners] rate limits: Redis ${error.message}`));
    connections.set(strapi, redis);
  }
  return redis;
};

const READY_TIMEOUT_MS = 5000;

/**
 * Connects to `rateLimit.redis` before the server takes requests, so the first ones are counted
 * in Redis rather than in this node's memory. Redis not answering does not stop Strapi: the
 * budgets are counted in memory until it does.
 */
export const openRateLimits = async (strapi: Core.Strapi) => {
  const { redis: url } = getPluginConfig({ strapi }).rateLimit;
  if (!url) return;
  const redis = redisOf(strapi, url);
  if (redis.status === 'ready') return;
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ready)
    strapi.log.warn('[partners] rate limits: Redis not reachable yet, counting in memory');
};

/** Closes the Redis connection, if one was opened (destroy()). */
export const closeRateLimits = async (strapi: Core.Strapi) => {
  const redis = connections.get(strapi);
  connections.delete(strapi);
  if (redis) await redis.quit().catch(() => redis.disconnect());
};

/**
 * Counters in Redis (`rateLimit.redis`): every node spends one budget per client. While Redis is
 * unreachable, each node counts in its own memory (rate-limiter-flexible's insurance limiter).
 */
const createRedisLimiter = (strapi: Core.Strapi, url: string, config: RateLimitConfig) => {
  const limiter = new RateLimiterRedis({
    storeClient: redisOf(strapi, url),
    keyPrefix: `partners:rate-limit:${config.name}`,
    points: config.max,
    duration: config.windowSeconds,
    insuranceLimiter: new RateLimiterMemory({
      keyPrefix: config.name,
      points: config.max,
      duration: config.windowSeconds,
    }),
  });
  return (key: string) => limiter.consume(key).then(() => 0, secondsToWait);
};

/** Route middleware `plugin::partners.rate-limit` (SPEC §11: public endpoints are rate-limited). */
const rateLimit = (config: RateLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  let take: ((key: string) => Promise<number>) | null = null;
  return async (ctx: Context, next: Next) => {
    // Built on first use: the plugin's config is read after the routes are registered.
    if (!take) {
      const { redis } = getPluginConfig({ strapi }).rateLimit;
      take = redis ? createRedisLimiter(strapi, redis, config) : createMemoryLimiter(config);
    }
    const retryAfter = await take(clientKey(ctx.request.ip));
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
