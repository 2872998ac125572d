import type { Core } from '@strapi/strapi';
import { checkParticipation } from '../../../plugin/commissions/check-participation';
import type { LinkSettings } from '../../../plugin/contracts/tracking';
import {
  ATTRIBUTION_MODELS,
  uid,
  type AttributionModel,
  type EnrollmentStatus,
  type PartnerStatus,
  type ProgramStatus,
} from '../../../plugin/model';
import { iso } from '../platform/rows';
import { createWatchedCache } from '../platform/watched-cache';
import { normaliseReferralCode } from '../../../plugin/tracking';

/** A link with what a click on it needs: where it goes and whether it counts. */
export interface ResolvedLink {
  linkId: number;
  code: string;
  path: string | null;
  /** Disabled by an editor or the partner: still redirects, attributes nothing new. */
  disabled: boolean;
  partnerId: number | null;
  programId: number | null;
  landingUrl: string | null;
  settings: LinkSettings;
  program: {
    state: ProgramStatus;
    startsAt: string | null;
    endsAt: string | null;
    timezone: string | null;
  } | null;
  partnerState: PartnerStatus | null;
  enrollmentState: EnrollmentStatus | null;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
/** Writes to these change what a code resolves to; they clear this node's cache at once. */
const WATCHED = [uid('link'), uid('program'), uid('partner'), uid('enrollment')];

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const toResolved = (link: Row, enrollment: Row | null): ResolvedLink => {
  const program = link.program ?? null;
  return {
    linkId: link.id,
    code: link.code,
    path: link.path ?? null,
    disabled: Boolean(link.disabledAt),
    partnerId: link.partner?.id ?? null,
    programId: program?.id ?? null,
    landingUrl: program?.landingUrl ?? null,
    settings: {
      code: link.code,
      attributionWindowDays: program ? (program.attributionWindowDays ?? null) : 60,
      attributionModel: ATTRIBUTION_MODELS.includes(program?.attributionModel)
        ? (program.attributionModel as AttributionModel)
        : 'last-click',
    },
    program: program
      ? {
          state: program.state,
          startsAt: iso(program.startsAt),
          endsAt: iso(program.endsAt),
          timezone: program.timezone ?? null,
        }
      : null,
    partnerState: link.partner?.state ?? null,
    enrollmentState: enrollment?.state ?? null,
  };
};

/** Null when a click on the link counts now; otherwise why it does not (SPEC §5.2, §6). */
export const inactiveReason = (link: ResolvedLink, at: string): string | null => {
  if (link.disabled) return 'the link is disabled';
  if (!link.program || !link.partnerState) return 'the link has no program or partner';
  return checkParticipation(
    link.program,
    { state: link.partnerState },
    link.enrollmentState ? { state: link.enrollmentState } : null,
    at,
    'click'
  );
};

/**
 * Code → link, for every redirect: a click must not wait on three queries. Answers (unknown
 * codes too) are kept for 30 seconds; any write to links, programs, partners or enrollments
 * clears this node's cache at once, and other nodes catch up within the 30 seconds.
 * Concurrent misses for one code share one lookup.
 */
export const createLinkResolver = (strapi: Core.Strapi) => {
  const cache = createWatchedCache<ResolvedLink | null>(strapi, {
    models: WATCHED,
    ttlMs: TTL_MS,
    maxEntries: MAX_ENTRIES,
  });

  const load = async (code: string): Promise<ResolvedLink | null> => {
    const link = await strapi.db.query(uid('link')).findOne({
      where: { code },
      select: ['id', 'code', 'path', 'disabledAt'],
      populate: {
        partner: { select: ['id', 'state'] },
        program: {
          select: [
            'id',
            'state',
            'startsAt',
            'endsAt',
            'timezone',
            'landingUrl',
            'attributionWindowDays',
            'attributionModel',
          ],
        },
      },
    });
    if (!link) return null;
    const enrollment =
      link.partner && link.program
        ? await strapi.db.query(uid('enrollment')).findOne({
            where: { partner: { id: link.partner.id }, program: { id: link.program.id } },
            select: ['state'],
          })
        : null;
    return toResolved(link, enrollment);
  };

  return {
    /** The link of a code (case-insensitive), or null when no link has it. */
    resolve(rawCode: string): Promise<ResolvedLink | null> {
      const code = normaliseReferralCode(rawCode);
      return cache.get(code, () => load(code));
    },
    clear: cache.clear,
  };
};

export type LinkResolver = ReturnType<typeof createLinkResolver>;
