import type { Core } from '@strapi/strapi';
import {
  parseEngineProgram,
  type EngineEnrollment,
  type EngineParent,
  type EnginePartner,
  type EngineProgram,
  type EngineReferral,
  type ParsedEngineProgram,
} from '../../../plugin/commissions';
import {
  uid,
  type EnrollmentStatus,
  type PartnerStatus,
  type ReferralStatus,
  type Trigger,
} from '../../../plugin/model';
import { getService } from '../platform/plugin-context';
import { idOf, iso, type RawRow } from '../platform/rows';
import { createWatchedCache } from '../platform/watched-cache';

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

/** A program as the ledger reads it: what answers show of it, its flags, and its rules. */
export interface LedgerProgram {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  trigger: Trigger;
  notifyOnCommission: boolean;
  /** The stored rules as the engine reads them (a malformed rule earns nothing). */
  engine: ParsedEngineProgram;
}

const toLedgerProgram = (row: RawRow): LedgerProgram => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  name: String(row.name),
  slug: String(row.slug),
  trigger: row.trigger as Trigger,
  notifyOnCommission: Boolean(row.notifyOnCommission),
  engine: parseEngineProgram(row),
});

/** What the engine reads of a program that may be gone: a missing program is misconfigured. */
export const engineProgramOf = (program: LedgerProgram | null): ParsedEngineProgram =>
  program ? program.engine : parseEngineProgram(program);

/** A partner with its users' e-mails and its recruiter, as `loadPartner` populates it. */
const toPartnerInputs = (row: RawRow): PartnerInputs => ({
  engine: {
    id: Number(row.id),
    state: row.state as PartnerStatus,
    email: row.email as string,
    name: (row.name as string | null | undefined) ?? null,
    userEmails: ((row.users as RawRow[] | null | undefined) ?? []).map(
      (user) => user.email as string
    ),
  } satisfies EnginePartner,
  parentId: idOf(row.referredBy),
  documentId: String(row.documentId),
  name: row.name as string,
});

/** A stored referral as the engine reads it. */
export const engineReferral = (row: RawRow): EngineReferral => ({
  id: Number(row.id),
  email: (row.email as string | null | undefined) ?? null,
  state: row.state as ReferralStatus,
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
  const programs = createWatchedCache<LedgerProgram | null>(strapi, {
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
    const row: RawRow | null = await strapi.db.query(uid('partner')).findOne({
      where: { id: partnerId },
      populate: { users: { select: ['email'] }, referredBy: { select: ['id'] } },
    });
    return row ? toPartnerInputs(row) : null;
  };
  const partner = (partnerId: number) =>
    partners.get(String(partnerId), () => loadPartner(partnerId));

  const enrollment = (partnerId: number, programId: number) =>
    enrollments.get(`${partnerId}:${programId}`, async () => {
      const row: RawRow | null = await strapi.db.query(uid('enrollment')).findOne({
        where: { partner: { id: partnerId }, program: { id: programId } },
      });
      return row
        ? {
            state: row.state as EnrollmentStatus,
            commissionOverride:
              (row.commissionOverride as EngineEnrollment['commissionOverride'] | undefined) ??
              null,
          }
        : null;
    });

  return {
    /** A program, its rules parsed for the engine; null when it is gone. */
    program: (programId: number) =>
      programs.get(String(programId), async () => {
        const row: RawRow | null = await strapi.db
          .query(uid('program'))
          .findOne({ where: { id: programId } });
        return row ? toLedgerProgram(row) : null;
      }),

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

export type EngineInputs = ReturnType<typeof createEngineInputs>;
