import { randomBytes } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../plugin/model';
import { getPluginConfig } from '../platform/plugin-context';

const WRITES = ['Create', 'CreateMany', 'Update', 'UpdateMany', 'Delete', 'DeleteMany'];
const STORE = 'strapi::core-store';

/**
 * Per Strapi instance: the caches to clear, the version this node last saw, and the one timer
 * that reads it for all of them (two caches with a timer each would race on `seen`, and the
 * second would miss the change the first one saw).
 */
interface Versioning {
  caches: Set<() => void>;
  seen: string | null;
  checker: NodeJS.Timeout | null;
}
const versionings = new WeakMap<Core.Strapi, Versioning>();
const versioningOf = (strapi: Core.Strapi): Versioning => {
  let versioning = versionings.get(strapi);
  if (!versioning) {
    versioning = { caches: new Set(), seen: null, checker: null };
    versionings.set(strapi, versioning);
  }
  return versioning;
};
const versionKey = `${PLUGIN_ID}_link_cache_version`;

/** A backstop for changes written around the query engine (raw SQL): entries expire after it. */
export const LINK_CACHE_TTL_MS = 10 * 60_000;

/** `tracking.linkCache` of the plugin config: entries per cache, and the version-check interval. */
export const linkCacheSettings = (strapi: Core.Strapi) =>
  getPluginConfig({ strapi }).tracking.linkCache;

const readVersion = async (strapi: Core.Strapi) => {
  const rows: Array<{ value: string | null }> = await strapi.db.query(STORE).findMany({
    where: { key: versionKey },
    select: ['value'],
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => row.value ?? '').join(',');
};

/**
 * A new random version: concurrent writers need no lock, and a row created twice by racing
 * first writes is harmless, since every row is updated and all are read.
 */
const bumpVersion = async (strapi: Core.Strapi) => {
  const value = JSON.stringify(randomBytes(12).toString('base64url'));
  const store = strapi.db.query(STORE);
  const { count } = await store.updateMany({ where: { key: versionKey }, data: { value } });
  if (count === 0) {
    await store.create({
      data: { key: versionKey, value, type: 'string', environment: null, tag: null },
    });
  }
  versioningOf(strapi).seen = await readVersion(strapi);
};

/**
 * Register: every write to one of `models`, from any code on this node, clears this node's
 * caches at once and again after its transaction commits, then changes the shared version the
 * other nodes read (see createLinkCache). Before any cache exists, so that a node which never
 * serves a redirect (an admin node, a worker) still tells the others.
 */
export const watchLinkWrites = (strapi: Core.Strapi, models: readonly UID.Schema[]) => {
  const versioning = versioningOf(strapi);
  const clearAll = () => versioning.caches.forEach((clear) => clear());
  const tellOthers = () =>
    bumpVersion(strapi).catch((error) =>
      strapi.log.warn(`[partners] link cache version not changed: ${error}`)
    );
  const onWrite = async () => {
    clearAll();
    if (!strapi.db.inTransaction()) return tellOthers();
    await strapi.db.transaction(async ({ onCommit }) =>
      onCommit(() => {
        clearAll();
        void tellOthers();
      })
    );
  };
  strapi.db.lifecycles.subscribe({
    models: [...models],
    ...Object.fromEntries(WRITES.map((event) => [`after${event}`, onWrite])),
  });
};

/**
 * Every `checkMs` (the first cache's; all caches of a node share one timer), reads the shared
 * version and clears every cache of this node when another node changed it.
 */
const startVersionCheck = (strapi: Core.Strapi, checkMs: number) => {
  const versioning = versioningOf(strapi);
  if (versioning.checker) return;
  const check = async () => {
    try {
      const version = await readVersion(strapi);
      if (versioning.seen !== null && version !== versioning.seen)
        versioning.caches.forEach((clear) => clear());
      versioning.seen = version;
    } catch (error) {
      strapi.log.warn(`[partners] link cache version not read: ${error}`);
    }
  };
  versioning.checker = setInterval(() => void check(), checkMs);
  versioning.checker.unref();
  void check();
};

export interface LinkCacheOptions {
  /** Entries kept at most; the least recently used go first. */
  maxEntries: number;
  /** How often the node reads the shared version (another node's writes show within this). */
  checkMs: number;
  /** A backstop for writes that bypass the query engine (raw SQL): entries expire after it. */
  ttlMs: number;
  /** Loads several keys at once; keys missing from the answer resolve to null. */
  loadMany: (keys: string[]) => Promise<Map<string, unknown>>;
  /** Loads the entries worth holding before they are asked for (at most `maxEntries`). */
  warm?: () => Promise<Map<string, unknown>>;
}

/**
 * A bounded, shared-safe cache of look-ups by key, for the redirects. Writes seen by
 * `watchLinkWrites` on this node clear it at once; every `checkMs` it reads the shared version
 * and clears itself when another node changed it. An empty cache fills itself in the background
 * (`warm`), so a wave of clicks over many links does not wait on one look-up each; until then,
 * and for keys the warm-up left out, the misses of one turn of the event loop are loaded
 * together. An answer loaded while a write happened is used but not kept.
 */
export const createLinkCache = <T>(strapi: Core.Strapi, options: LinkCacheOptions) => {
  const versioning = versioningOf(strapi);
  const cache = new Map<string, { value: T; expiresAt: number }>();
  let misses = new Map<string, Array<{ resolve: (v: T) => void; reject: (e: unknown) => void }>>();
  let generation = 0;

  let warming = false;

  const clear = () => {
    generation += 1;
    cache.clear();
  };
  versioning.caches.add(clear);
  startVersionCheck(strapi, options.checkMs);

  const keep = (key: string, value: T, expiresAt: number) => {
    if (cache.size >= options.maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, { value, expiresAt });
  };

  const warm = async (load: () => Promise<Map<string, unknown>>) => {
    warming = true;
    const started = generation;
    try {
      const values = await load();
      const expiresAt = Date.now() + options.ttlMs;
      if (started !== generation) return;
      for (const [key, value] of values) if (!cache.has(key)) keep(key, value as T, expiresAt);
    } catch (error) {
      strapi.log.warn(`[partners] link cache not warmed: ${error}`);
    } finally {
      warming = false;
    }
  };

  const loadWaiting = async () => {
    const batch = misses;
    misses = new Map();
    const started = generation;
    try {
      const values = await options.loadMany([...batch.keys()]);
      const expiresAt = Date.now() + options.ttlMs;
      for (const [missed, waiters] of batch) {
        const value = (values.get(missed) ?? null) as T;
        if (started === generation) keep(missed, value, expiresAt);
        for (const { resolve } of waiters) resolve(value);
      }
    } catch (error) {
      for (const waiters of batch.values()) for (const { reject } of waiters) reject(error);
    }
  };

  return {
    get(wanted: string): Promise<T> {
      const cached = cache.get(wanted);
      if (cached && cached.expiresAt > Date.now()) {
        // Most recently used last: eviction takes the first key.
        cache.delete(wanted);
        cache.set(wanted, cached);
        return Promise.resolve(cached.value);
      }
      if (cache.size === 0 && !warming && options.warm) void warm(options.warm);
      return new Promise<T>((resolve, reject) => {
        const waiters = misses.get(wanted);
        if (waiters) return waiters.push({ resolve, reject });
        if (misses.size === 0) setImmediate(() => void loadWaiting());
        misses.set(wanted, [{ resolve, reject }]);
      });
    },
    clear,
    /** Plugin destroy: stops reading the version. */
    close: () => {
      versioning.caches.delete(clear);
      if (versioning.caches.size === 0 && versioning.checker) {
        clearInterval(versioning.checker);
        versioning.checker = null;
      }
    },
  };
};
