import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  BuildLinkRequest,
  MeResponse,
  PortalAsset,
  PortalLink,
} from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import { recruitPath } from '../../../plugin/partners';
import { buildDeepLink } from '../../../plugin/tracking';
import { tableOf, withKnex } from '../database';
import { getPluginConfig } from '../plugin-context';
import type { PortalPartner } from '../policies/is-partner';
import { createPortalScope, toProgramRef, type ScopedProgram } from '../portal/scope';

const ASSET = uid('asset');
const CLICK = uid('click');
const LINK = uid('link');
const PARTNER = uid('partner');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Where the site is reached: `server.url` when absolute, else the request's own origin. */
export const publicBase = (strapi: Core.Strapi, requestOrigin: string) => {
  const serverUrl = String(strapi.config.get('server.url', '') ?? '');
  return (/^https?:\/\//.test(serverUrl) ? serverUrl : requestOrigin).replace(/\/$/, '');
};

/**
 * Recruiting (SPEC §8, two-tier programs): the portal's application page for the first active
 * two-tier program the partner is approved in and has a link in, with that link's code as the
 * recruit code (the application form sends it as `recruitCode`; the path is `recruitPath` of
 * the partner lifecycle). Null when it recruits nowhere.
 */
export const recruitUrlOf = async (
  strapi: Core.Strapi,
  base: string,
  partner: PortalPartner,
  programs: readonly ScopedProgram[]
) => {
  const candidates = programs.filter(
    (candidate) =>
      candidate.tierMode === 'two-tier' &&
      candidate.enrollmentState === 'approved' &&
      candidate.state === 'active'
  );
  if (candidates.length === 0) return null;
  const links = await strapi.db.query(LINK).findMany({
    where: {
      partner: { id: partner.id },
      program: { id: { $in: candidates.map((program) => program.id) } },
    },
    select: ['code'],
    populate: { program: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });
  for (const program of candidates) {
    const link = links.find((candidate: Row) => candidate.program?.id === program.id);
    if (!link) continue;
    return `${base}${recruitPath(getPluginConfig({ strapi }).portal.path, program.slug, link.code)}`;
  }
  return null;
};

/** The partner portal's account, links and assets (SPEC §8), scoped to the signed-in partner. */
const createPortalService = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = createPortalScope(strapi);

  const shortUrl = (base: string, code: string) => {
    const { shortPath } = getPluginConfig({ strapi }).tracking;
    return shortPath ? `${base}${shortPath}/${code}` : `${base}/api/partners/r/${code}`;
  };

  return {
    async me(partner: PortalPartner, user: { email?: string }, requestOrigin: string) {
      const base = publicBase(strapi, requestOrigin);
      const row = await strapi.db.query(PARTNER).findOne({
        where: { id: partner.id },
        select: ['documentId', 'name', 'email', 'company', 'website', 'type', 'tier', 'state'],
      });
      if (!row) throw new errors.NotFoundError('No partner');
      const programs = await scope.programs(partner);
      const portal = getPluginConfig({ strapi }).portal;
      const data: MeResponse['data'] = {
        partner: {
          documentId: row.documentId,
          name: row.name,
          email: row.email,
          company: row.company ?? null,
          website: row.website ?? null,
          type: row.type,
          tier: row.tier ?? null,
          status: row.state,
        },
        user: { email: user.email ?? '' },
        programs: programs.map((program) => ({
          slug: program.slug,
          name: program.name,
          currency: program.currency,
          tierMode: program.tierMode,
          referralDetail: program.referralDetail,
          showDeclinedCharges: program.showDeclinedCharges,
          showPurchaseHistory: program.showPurchaseHistory,
          termsVersion: program.termsVersion,
          enrollmentStatus: program.enrollmentState,
        })),
        recruitUrl: await recruitUrlOf(strapi, base, partner, programs),
        portal: {
          title: portal.title,
          logoUrl: portal.logoUrl ?? null,
          primaryColor: portal.primaryColor,
        },
      };
      return data;
    },

    /** The partner's links with their short URLs and human clicks (bots excluded), all time. */
    async links(partner: PortalPartner, requestOrigin: string): Promise<PortalLink[]> {
      const base = publicBase(strapi, requestOrigin);
      const links = await strapi.db.query(LINK).findMany({
        where: { partner: { id: partner.id } },
        select: ['id', 'documentId', 'code', 'label', 'path'],
        populate: { program: { select: ['slug', 'name'] } },
        orderBy: { id: 'asc' },
      });
      if (links.length === 0) return [];
      const counts = await withKnex(strapi, (knex) =>
        knex(tableOf(strapi, CLICK))
          .where('partner_id', partner.id)
          .where('is_bot', false)
          .whereIn(
            'link_id',
            links.map((link: Row) => link.id)
          )
          .groupBy('link_id')
          .select({ linkId: 'link_id' })
          .count({ clicks: '*' })
      );
      const clicks = new Map(
        (counts as Row[]).map((row) => [Number(row.linkId), Number(row.clicks)])
      );
      return links
        .filter((link: Row) => link.program)
        .map((link: Row) => ({
          documentId: link.documentId,
          code: link.code,
          label: link.label ?? null,
          path: link.path ?? null,
          program: { slug: link.program.slug, name: link.program.name },
          url: shortUrl(base, link.code),
          clicks: clicks.get(link.id) ?? 0,
        }));
    },

    /** A deep link on the landing host of one of the partner's own links (another's is a 404). */
    async buildLink(partner: PortalPartner, input: BuildLinkRequest['data']) {
      const link = await strapi.db.query(LINK).findOne({
        where: { documentId: input.link, partner: { id: partner.id } },
        select: ['code'],
        populate: { program: { select: ['landingUrl'] } },
      });
      if (!link) throw new errors.NotFoundError('No such link');
      const url = buildDeepLink({
        landingUrl: link.program?.landingUrl,
        to: input.to,
        code: link.code,
      });
      if (!url) {
        throw new errors.ValidationError('to: must be a page on the program’s landing site', {
          errors: [{ path: ['to'], message: 'must be a page on the program’s landing site' }],
        });
      }
      return { url };
    },

    /** Marketing assets of the programs the partner is approved in. */
    async assets(partner: PortalPartner): Promise<PortalAsset[]> {
      const programIds = (await scope.programs(partner))
        .filter((program) => program.enrollmentState === 'approved')
        .map((program) => program.id);
      if (programIds.length === 0) return [];
      const assets = await strapi.db.query(ASSET).findMany({
        where: { program: { id: { $in: programIds } } },
        select: ['documentId', 'title', 'description', 'type', 'url'],
        populate: { program: { select: ['slug', 'name'] }, file: { select: ['url'] } },
        orderBy: { id: 'asc' },
      });
      return assets.map((asset: Row) => ({
        documentId: asset.documentId,
        title: asset.title,
        description: asset.description ?? null,
        type: asset.type,
        url: asset.url ?? null,
        fileUrl: asset.file?.url ?? null,
        program: toProgramRef(asset.program) ?? { slug: '', name: '' },
      }));
    },
  };
};

export type PortalService = ReturnType<typeof createPortalService>;
export default createPortalService;
