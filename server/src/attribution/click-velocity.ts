import type { Core } from '@strapi/strapi';
import { fraudSignalsSchema } from '../../../plugin/contracts/rules';
import { flagClickVelocity, VELOCITY_WINDOW_MS } from '../../../plugin/fraud';
import { uid } from '../../../plugin/model';
import { createLinkCache, LINK_CACHE_TTL_MS, linkCacheSettings } from './link-cache';

const CLICK = uid('click');
const PROGRAM = uid('program');
/** Programs a node keeps limits for: far more than any site runs. */
const MAX_PROGRAMS = 10_000;

interface Click {
  programId: number;
  ipHash: string;
  visitorId: string;
  isBot: boolean;
  createdAt: Date;
}

/** Velocity limits per program id (null: the program does not watch click velocity). */
type VelocityLimits = ReturnType<typeof createLinkCache<number | null>>;
const limitCaches = new WeakMap<Core.Strapi, VelocityLimits>();

/**
 * The programs' click limits, cached like the links (see createLinkCache): the redirect's
 * batches must not wait on a program query each. A write to a program on this node clears it at
 * once, on another node within the link cache's `checkMs` (programs are among the link
 * resolver's watched models, so every such write changes the shared version).
 */
const limitsOf = (strapi: Core.Strapi): VelocityLimits => {
  let limits = limitCaches.get(strapi);
  if (!limits) {
    const { maxEntries, checkMs } = linkCacheSettings(strapi);
    limits = createLinkCache<number | null>(strapi, {
      maxEntries: Math.min(maxEntries, MAX_PROGRAMS),
      checkMs,
      ttlMs: LINK_CACHE_TTL_MS,
      loadMany: async (keys) => {
        const programs: Array<{ id: number; fraudSignals: unknown }> = await strapi.db
          .query(PROGRAM)
          .findMany({ where: { id: { $in: keys.map(Number) } }, select: ['id', 'fraudSignals'] });
        return new Map(programs.map((program) => [String(program.id), limitOf(program)]));
      },
    });
    limitCaches.set(strapi, limits);
  }
  return limits;
};

const limitOf = (program: { fraudSignals: unknown }): number | null => {
  const settings = fraudSignalsSchema.safeParse(program.fraudSignals ?? {});
  return settings.success && settings.data.clickVelocity !== 'off'
    ? settings.data.clicksPerMinute
    : null;
};

/** Plugin destroy: stops the program limits' cache (see tracking's close). */
export const closeClickVelocity = (strapi: Core.Strapi) => {
  limitCaches.get(strapi)?.close();
  limitCaches.delete(strapi);
};

/**
 * Which clicks of a batch (in time order) the click-velocity signal flags, for programs that
 * watch it: the programs' settings come from a per-node cache (no query once cached) and, when
 * any watches it, one query for the last minute's clicks. Flagged clicks are stored as such and
 * never count as unique.
 */
export const clickVelocityFlags = async (
  strapi: Core.Strapi,
  batch: readonly Click[]
): Promise<boolean[]> => {
  const humans = batch.filter((click) => !click.isBot);
  const cache = limitsOf(strapi);
  const limits = new Map<number, number>();
  const programIds = [...new Set(humans.map((click) => Number(click.programId)))];
  const found = await Promise.all(programIds.map((id) => cache.get(String(id))));
  programIds.forEach((id, index) => {
    const limit = found[index];
    if (limit !== null) limits.set(id, limit);
  });
  const watched = humans.filter((click) => limits.has(click.programId));
  if (watched.length === 0) return batch.map(() => false);

  const earliest = Math.min(...watched.map((click) => +click.createdAt)) - VELOCITY_WINDOW_MS;
  const earlier: Click[] = await strapi.db.query(CLICK).findMany({
    where: {
      programId: { $in: [...limits.keys()] },
      isBot: false,
      createdAt: { $gt: new Date(earliest) },
      $or: [
        { ipHash: { $in: [...new Set(watched.map((click) => click.ipHash))] } },
        { visitorId: { $in: [...new Set(watched.map((click) => click.visitorId))] } },
      ],
    },
    select: ['programId', 'ipHash', 'visitorId', 'createdAt'],
  });
  const toVelocity = (click: Click) => ({
    programId: Number(click.programId),
    ipHash: click.ipHash,
    visitorId: click.visitorId,
    at: new Date(click.createdAt),
  });
  const flags = flagClickVelocity(
    watched.map(toVelocity),
    earlier.map(toVelocity),
    (id) => limits.get(id) ?? null
  );
  const flagOf = new Map(watched.map((click, index) => [click, flags[index]]));
  return batch.map((click) => flagOf.get(click) ?? false);
};
