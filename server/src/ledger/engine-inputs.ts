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

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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
  const partner = async (partnerId: number) => {
    const row = await strapi.db.query(uid('partner')).findOne({
      where: { id: partnerId },
      populate: { users: { select: ['email'] }, referredBy: { select: ['id'] } },
    });
    if (!row) return null;
    return {
      engine: {
        id: row.id,
        state: row.state,
        email: row.email,
        userEmails: (row.users ?? []).map((user: Row) => user.email),
      } satisfies EnginePartner,
      parentId: idOf(row.referredBy),
    };
  };

  const enrollment = async (partnerId: number, programId: number) => {
    const row = await strapi.db.query(uid('enrollment')).findOne({
      where: { partner: { id: partnerId }, program: { id: programId } },
    });
    return row ? { state: row.state, commissionOverride: row.commissionOverride ?? null } : null;
  };

  return {
    /** The partner, its enrollment and its recruiter's; null when the partner is gone. */
    async participants(partnerId: number, programId: number): Promise<Participants | null> {
      const found = await partner(partnerId);
      if (!found) return null;
      const parent = found.parentId ? await partner(found.parentId) : null;
      return {
        partner: found.engine,
        enrollment: await enrollment(partnerId, programId),
        parent: parent
          ? { partner: parent.engine, enrollment: await enrollment(parent.engine.id, programId) }
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
