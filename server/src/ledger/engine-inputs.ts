import type { Core } from '@strapi/strapi';
import type {
  EngineEnrollment,
  EngineParent,
  EnginePartner,
  EngineProgram,
  EngineReferral,
} from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { getService } from '../platform/plugin-context';
import { idOf, iso } from '../platform/rows';
import { createWatchedCache } from '../platform/watched-cache';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CACHE_TTL_MS = 30_000;
const CACHE_ENTRIES = 10_000;

interface PartnerInputs {
  engine: EnginePartner;
  parentId: number | null;
  documentId: string;
  name: string;
}

/** Who takes part in a commission: the partner, its enrollment, and its two-tier recruiter. */
export interface Participants {
  partner: EnginePartner;
  enrollment: EngineEnrollment | null;
  parent: EngineParent | null;
}

/** A stored referral as the engine reads it. */
export const engineReferral = (row: Row): EngineReferral => ({
  id: row.id,
  email: row.email ?? null,
  state: row.state,
  signedUpAt: iso(row.signedUpAt),
  convertedAt: iso(row.convertedAt),
  churnedAt: iso(row.churnedAt),
});

/** Loads what the pure engine (plugin/commissions) reads about partners, from the database. */
export const createEngineInputs = (strapi: Core.Strapi) => {
  // Every order of a partner reads the same partner and enrollment rows: kept per node like the
  // redirect's links (a write on this node clears them; other nodes follow within the TTL).
  const partners = createWatchedCache<PartnerInputs | null>(strapi, {
    models: [uid('partner'), 'plugin::users-permissions.user'],
    ttlMs: CACHE_TTL_MS,
    maxEntries: CACHE_ENTRIES,
  });
  const programs = createWatchedCache<Row | null>(strapi, {
    models: [uid('program')],
    ttlMs: CACHE_TTL_MS,
    maxEntries: CACHE_ENTRIES,
  });
  const enrollments = createWatchedCache<EngineEnrollment | null>(strapi, {
    models: [uid('enrollment')],
    ttlMs: CACHE_TTL_MS,
    maxEntries: CACHE_ENTRIES,
  });

  const loadPartner = async (partnerId: number): Promise<PartnerInputs | null> => {
    const row = await strapi.db.query(uid('partner')).findOne({
      where: { id: partnerId },
      populate: { users: { select: ['email'] }, referredBy: { select: ['id'] } },
    });
    if (!row) return null;
    return {
      engine: {
        id: Number(row.id),
        state: row.state,
        email: row.email,
        name: row.name ?? null,
        userEmails: (row.users ?? []).map((user: Row) => user.email),
      } satisfies EnginePartner,
      parentId: idOf(row.referredBy),
      documentId: row.documentId,
      name: row.name,
    };
  };
  const partner = (partnerId: number) =>
    partners.get(String(partnerId), () => loadPartner(partnerId));

  const enrollment = (partnerId: number, programId: number) =>
    enrollments.get(`${partnerId}:${programId}`, async () => {
      const row = await strapi.db.query(uid('enrollment')).findOne({
        where: { partner: { id: partnerId }, program: { id: programId } },
      });
      return row ? { state: row.state, commissionOverride: row.commissionOverride ?? null } : null;
    });

  return {
    /** A program's stored row (the engine parses its rules). */
    program: (programId: number) =>
      programs.get(String(programId), () =>
        strapi.db.query(uid('program')).findOne({ where: { id: programId } })
      ),

    /** What an answer shows of a partner: its documentId and name. */
    async partnerRef(partnerId: number) {
      const found = await partner(partnerId);
      return found ? { documentId: found.documentId, name: found.name } : null;
    },

    /** The partner, its enrollment and its recruiter's; null when the partner is gone. */
    async participants(partnerId: number, programId: number): Promise<Participants | null> {
      const found = await partner(partnerId);
      if (!found) return null;
      const parent = found.parentId ? await partner(found.parentId) : null;
      return {
        partner: found.engine,
        enrollment: await enrollment(partnerId, programId),
        parent: parent
          ? {
              partner: parent.engine,
              enrollment: await enrollment(found.parentId as number, programId),
            }
          : null,
      };
    },

    /** The partner's value of the program's tier metric at `at` (SPEC §5.4); 0 without tiers. */
    async tierMetricValue(program: EngineProgram, partnerId: number, at: string) {
      if (!program.tiers?.length) return 0;
      return getService('analytics', { strapi }).tierMetric(program, partnerId, at);
    },
  };
};
