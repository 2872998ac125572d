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
import { normaliseReferralCode } from '../../../plugin/tracking';
import {
  createLinkCache,
  LINK_CACHE_TTL_MS,
  linkCacheSettings,
  watchLinkWrites,
} from './link-cache';

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

const WARM_CHUNK = 500;
/** Writes to these change what a code resolves to. */
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

/** Register: writes on this node clear the link caches of every node (see watchLinkWrites). */
export const watchLinks = (strapi: Core.Strapi) => watchLinkWrites(strapi, WATCHED);

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
 * Code → link, for every redirect: a click must not wait on queries. Answers (unknown codes too)
 * are kept in a bounded cache (`tracking.linkCache.maxEntries`, least recently used out); any
 * write to links, programs, partners or enrollments clears this node's cache at once and every
 * other node's within `tracking.linkCache.checkMs` (see createLinkCache). An empty cache loads the newest links in the
 * background; the misses of one moment are looked up together, a few queries for the lot.
 */
export const createLinkResolver = (strapi: Core.Strapi) => {
  const { maxEntries, checkMs } = linkCacheSettings(strapi);
  const loadMany = async (codes: string[]): Promise<Map<string, ResolvedLink>> => {
    const found: Row[] = await strapi.db.query(uid('link')).findMany({
      where: { code: { $in: codes } },
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
    const enrolled = found.filter((link) => link.partner && link.program);
    const enrollments: Row[] = enrolled.length
      ? await strapi.db.query(uid('enrollment')).findMany({
          where: {
            partner: { id: { $in: [...new Set(enrolled.map((link) => link.partner.id))] } },
            program: { id: { $in: [...new Set(enrolled.map((link) => link.program.id))] } },
          },
          select: ['state'],
          populate: { partner: { select: ['id'] }, program: { select: ['id'] } },
        })
      : [];
    const enrollmentOf = new Map(
      enrollments.map((row) => [`${row.partner?.id}:${row.program?.id}`, row] as const)
    );
    return new Map(
      found.map((link) => [
        link.code as string,
        toResolved(link, enrollmentOf.get(`${link.partner?.id}:${link.program?.id}`) ?? null),
      ])
    );
  };
  /** The newest links, as many as the cache holds, 500 codes per look-up. */
  const warm = async () => {
    const rows: Array<{ code: string }> = await strapi.db.query(uid('link')).findMany({
      select: ['code'],
      orderBy: { id: 'desc' },
      limit: maxEntries,
    });
    const loaded = new Map<string, ResolvedLink>();
    for (let start = 0; start < rows.length; start += WARM_CHUNK) {
      const codes = rows.slice(start, start + WARM_CHUNK).map((row) => row.code);
      for (const [code, link] of await loadMany(codes)) loaded.set(code, link);
    }
    return loaded;
  };
  const cache = createLinkCache<ResolvedLink | null>(strapi, {
    maxEntries,
    checkMs,
    ttlMs: LINK_CACHE_TTL_MS,
    loadMany,
    warm,
  });

  return {
    /** The link of a code (case-insensitive), or null when no link has it. */
    resolve(rawCode: string): Promise<ResolvedLink | null> {
      return cache.get(normaliseReferralCode(rawCode));
    },
    clear: cache.clear,
    close: cache.close,
  };
};

export type LinkResolver = ReturnType<typeof createLinkResolver>;
