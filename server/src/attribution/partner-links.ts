import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { BuildLinkRequest, PortalLink } from '../../../plugin/contracts/portal';
import { uid } from '../../../plugin/model';
import { buildDeepLink } from '../../../plugin/tracking';
import { publicBase } from '../partners/partner-profile';
import { tableOf, withKnex } from '../platform/database';
import { getPluginConfig } from '../platform/plugin-context';
import type { PortalPartner } from '../portal/is-partner';

const CLICK = uid('click');
const LINK = uid('link');

/** One link's human clicks, as the count query answers it (numbers may come back as strings). */
type ClickCount = { linkId: number | string; clicks: number | string };

/** A partner's own tracking links and deep links on them (SPEC §8). */
const createPartnerLinksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const shortUrl = (base: string, code: string) => {
    const { shortPath } = getPluginConfig({ strapi }).tracking;
    return shortPath ? `${base}${shortPath}/${code}` : `${base}/api/partners/r/${code}`;
  };

  return {
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
            links.map((link: { id: number }) => link.id)
          )
          .groupBy('link_id')
          .select({ linkId: 'link_id' })
          .count({ clicks: '*' })
      );
      const clicks = new Map(
        (counts as ClickCount[]).map((row) => [Number(row.linkId), Number(row.clicks)])
      );
      return links
        .filter((link) => link.program)
        .map((link) => ({
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
  };
};

export type PartnerLinksService = ReturnType<typeof createPartnerLinksService>;
export default createPartnerLinksService;
