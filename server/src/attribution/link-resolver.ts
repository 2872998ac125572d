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
import { idOf, iso, type RawRow } from '../platform/rows';
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

/** An enrollment's state, with the pair it joins (`select: ['state']`, partner and program ids). */
interface EnrollmentState {
  partnerId: number | null;
  programId: number | null;
  state: EnrollmentStatus;
}

const toEnrollmentState = (row: RawRow): EnrollmentState => ({
  partnerId: idOf(row.partner),
  programId: idOf(row.program),
  state: row.state as EnrollmentStatus,
});

const pairKey = (partnerId: number | null, programId: number | null) => `${partnerId}:${programId}`;

const attributionModelOf = (value: unknown): AttributionModel =>
  ATTRIBUTION_MODELS.find((model) => model === value) ?? 'last-click';

/**
 * A link row as `loadMany` reads it (id, code, path, disabledAt; its partner's id and state, its
 * program's dates, landing page and attribution settings), parsed once as it enters the cache.
 */
const toResolved = (link: RawRow, enrollmentState: EnrollmentStatus | null): ResolvedLink => {
  const partner = link.partner as RawRow | null | undefined;
  const program = link.program as RawRow | null | undefined;
  const code = String(link.code);
  return {
    linkId: Number(link.id),
    code,
    path: (link.path as string | null | undefined) ?? null,
    disabled: Boolean(link.disabledAt),
    partnerId: idOf(partner),
    programId: idOf(program),
    landingUrl: (program?.landingUrl as string | null | undefined) ?? null,
    settings: {
      code,
      attributionWindowDays: program
        ? program.attributionWindowDays == null
          ? null
          : Number(program.attributionWindowDays)
        : 60,
      attributionModel: attributionModelOf(program?.attributionModel),
    },
    program: program
      ? {
          state: program.state as ProgramStatus,
          startsAt: iso(program.startsAt),
          endsAt: iso(program.endsAt),
          timezone: (program.timezone as string | null | undefined) ?? null,
        }
      : null,
    partnerState: (partner?.state as PartnerStatus | null | undefined) ?? null,
    enrollmentState,
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
    const found: RawRow[] = await strapi.db.query(uid('link')).findMany({
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
    const enrollments: RawRow[] = enrolled.length
      ? await strapi.db.query(uid('enrollment')).findMany({
          where: {
            partner: { id: { $in: [...new Set(enrolled.map((link) => idOf(link.partner)))] } },
            program: { id: { $in: [...new Set(enrolled.map((link) => idOf(link.program)))] } },
          },
          select: ['state'],
          populate: { partner: { select: ['id'] }, program: { select: ['id'] } },
        })
      : [];
    const stateOf = new Map(
      enrollments
        .map(toEnrollmentState)
        .map((row) => [pairKey(row.partnerId, row.programId), row.state] as const)
    );
    return new Map(
      found.map((link) => [
        String(link.code),
        toResolved(link, stateOf.get(pairKey(idOf(link.partner), idOf(link.program))) ?? null),
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
