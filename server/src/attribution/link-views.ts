import type { Core } from '@strapi/strapi';
import type { AdminLinkView } from '../../../plugin/contracts/admin';
import { uid } from '../../../plugin/model';
import { publicBase } from '../partners/partner-profile';
import { tableOf, withKnex } from '../platform/database';
import { getPluginConfig } from '../platform/plugin-context';
import { iso } from '../platform/rows';
import type { LinkRecord } from './links';

const CLICK = uid('click');
const LINK = uid('link');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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

  const viewOf = (base: string, row: Row, clicks: number): AdminLinkView => ({
    documentId: row.documentId,
    code: row.code,
    program: row.program
      ? { documentId: row.program.documentId, slug: row.program.slug, name: row.program.name }
      : null,
    label: row.label ?? null,
    path: row.path ?? null,
    url: shortUrl(base, row.code),
    clicks,
    status: row.disabledAt ? 'disabled' : 'active',
    origin: row.origin ?? null,
    disabledAt: iso(row.disabledAt),
    createdAt: iso(row.createdAt) as string,
  });

  const views = async (
    partnerId: number,
    requestOrigin: string,
    where: Row = {}
  ): Promise<AdminLinkView[]> => {
    const base = publicBase(strapi, requestOrigin);
    const rows: Row[] = await strapi.db.query(LINK).findMany({
      where: { partner: { id: partnerId }, ...where },
      populate: { program: { select: ['documentId', 'slug', 'name'] } },
      orderBy: { id: 'asc' },
    });
    const clicks = await clicksOf(
      partnerId,
      rows.map((row) => row.id)
    );
    return rows.map((row) => viewOf(base, row, clicks.get(row.id) ?? 0));
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
