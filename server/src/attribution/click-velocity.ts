import type { Core } from '@strapi/strapi';
import { fraudSignalsSchema } from '../../../plugin/contracts/rules';
import { flagClickVelocity, VELOCITY_WINDOW_MS } from '../../../plugin/fraud';
import { uid } from '../../../plugin/model';

const CLICK = uid('click');
const PROGRAM = uid('program');

interface Click {
  programId: number;
  ipHash: string;
  visitorId: string;
  isBot: boolean;
  createdAt: Date;
}

/**
 * Which clicks of a batch (in time order) the click-velocity signal flags, for programs that
 * watch it: one query for the programs' settings and, when any watches it, one for the last
 * minute's clicks. Flagged clicks are stored as such and never count as unique.
 */
export const clickVelocityFlags = async (
  strapi: Core.Strapi,
  batch: readonly Click[]
): Promise<boolean[]> => {
  const humans = batch.filter((click) => !click.isBot);
  const programs: Array<{ id: number; fraudSignals: unknown }> = humans.length
    ? await strapi.db.query(PROGRAM).findMany({
        where: { id: { $in: [...new Set(humans.map((click) => click.programId))] } },
        select: ['id', 'fraudSignals'],
      })
    : [];
  const limits = new Map<number, number>();
  for (const program of programs) {
    const settings = fraudSignalsSchema.safeParse(program.fraudSignals ?? {});
    if (settings.success && settings.data.clickVelocity !== 'off')
      limits.set(Number(program.id), settings.data.clicksPerMinute);
  }
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
