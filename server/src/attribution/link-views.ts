import type { Core } from '@strapi/strapi';
import type { AdminLinkView } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { publicBase } from '../partners/partner-profile';
import { tableOf, withKnex } from '../platform/database';
import { getPluginConfig } from '../platform/plugin-context';
import type { RawRow } from '../platform/rows';
import { toLinkColumns, type LinkColumns, type LinkRecord } from './link-record';

const CLICK = uid('click');
const LINK = uid('link');

/** A link as the lists read it: its columns and its program's ref (`populate: program`). */
interface ListedLink extends LinkColumns {
  program: { documentId: string; slug: string; name: string } | null;
}

const toListedLink = (row: RawRow): ListedLink => {
  const program = row.program as RawRow | null | undefined;
  return {
    ...toLinkColumns(row),
    program: program
      ? {
          documentId: String(program.documentId),
          slug: String(program.slug),
          name: String(program.name),
        }
      : null,
  };
};

/** One link's human clicks, as the count query answers it (numbers may come back as strings). */
type ClickCount = { linkId: number | string; clicks: number | string };

/**
 * Links as the admin and the portal show them: short URL, human clicks (bots excluded, all
 * time, disabled or not), status and origin. Read only; links.ts writes them.
 */
export const createLinkViews = (strapi: Core.Strapi) => {
  const shortUrl = (base: string, code: string) => {
    const { shortPath } = getPluginConfig({ strapi }).tracking;
    return shortPath ? `${base}${shortPath}/${code}` : `${base}/api/partners/r/${code}`;
  };

  const clicksOf = async (partnerId: number, linkIds: number[]) => {
    if (linkIds.length === 0) return new Map<number, number>();
    const counts = await withKnex(strapi, (knex) =>
      knex(tableOf(strapi, CLICK))
        .where('partner_id', partnerId)
        .where('is_bot', false)
        .whereIn('link_id', linkIds)
        .groupBy('link_id')
        .select({ linkId: 'link_id' })
        .count({ clicks: '*' })
    );
    return new Map((counts as ClickCount[]).map((row) => [Number(row.linkId), Number(row.clicks)]));
  };

  const viewOf = (base: string, link: ListedLink, clicks: number): AdminLinkView => ({
    documentId: link.documentId,
    code: link.code,
    program: link.program,
    label: link.label,
    path: link.path,
    url: shortUrl(base, link.code),
    clicks,
    status: link.disabledAt ? 'disabled' : 'active',
    origin: link.origin,
    disabledAt: link.disabledAt,
    createdAt: link.createdAt,
  });

  const views = async (
    partnerId: number,
    requestOrigin: string,
    where: { id?: number } = {}
  ): Promise<AdminLinkView[]> => {
    const base = publicBase(strapi, requestOrigin);
    const rows: RawRow[] = await strapi.db.query(LINK).findMany({
      where: { partner: { id: partnerId }, ...where },
      populate: { program: { select: ['documentId', 'slug', 'name'] } },
      orderBy: { id: 'asc' },
    });
    const links = rows.map(toListedLink);
    const clicks = await clicksOf(
      partnerId,
      links.map((link) => link.id)
    );
    return links.map((link) => viewOf(base, link, clicks.get(link.id) ?? 0));
  };

  return {
    /** Every link of the partner, oldest first. */
    ofPartner: (partnerId: number, requestOrigin: string) => views(partnerId, requestOrigin),

    /** One link just written, as the lists show it. */
    async one(link: LinkRecord, requestOrigin: string): Promise<AdminLinkView> {
      const [view] = await views(link.partnerId ?? 0, requestOrigin, { id: link.id });
      return view;
    },
  };
};
