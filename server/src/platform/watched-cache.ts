import type { Core, UID } from '@strapi/strapi';

const WRITES = ['Create', 'CreateMany', 'Update', 'UpdateMany', 'Delete', 'DeleteMany'];

/**
 * A per-node cache of database look-ups that change rarely (links, partners, enrollments):
 * answers are kept for `ttlMs`, any write to one of `models` on this node clears them at once,
 * and other nodes catch up within `ttlMs`. Concurrent misses for one key share one look-up, and
 * an answer loaded while a write happened is used but not kept.
 */
export const createWatchedCache = <T>(
  strapi: Core.Strapi,
  options: { models: readonly UID.Schema[]; ttlMs: number; maxEntries: number }
) => {
  const cache = new Map<string, { value: T; expiresAt: number }>();
  const inFlight = new Map<string, Promise<T>>();
  let generation = 0;

  const clear = () => {
    generation += 1;
    cache.clear();
    inFlight.clear();
  };
  strapi.db.lifecycles.subscribe({
    models: [...options.models],
    ...Object.fromEntries(WRITES.map((event) => [`after${event}`, clear])),
  });

  return {
    async get(key: string, load: () => Promise<T>): Promise<T> {
      const cached = cache.get(key);
      if (cached && cached.expiresAt > Date.now()) return cached.value;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const started = generation;
      const lookup = load().finally(() => {
        if (inFlight.get(key) === lookup) inFlight.delete(key);
      });
      inFlight.set(key, lookup);
      const value = await lookup;
      if (started === generation) {
        if (cache.size >= options.maxEntries) cache.delete(cache.keys().next().value as string);
        cache.set(key, { value, expiresAt: Date.now() + options.ttlMs });
      }
      return value;
    },
    clear,
  };
};
