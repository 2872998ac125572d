import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type {
  AdminListing,
  DirectoryQuery,
  ListListingsQuery,
  PortalListing,
  PublicListing,
} from '../../../plugin/contracts/directory';
import { publicListingSchema } from '../../../plugin/contracts/directory';
import type { ListingState } from '../../../plugin/directory';
import { uid } from '../../../plugin/model';
import { getPluginConfig } from '../platform/plugin-context';
import { iso } from '../platform/rows';
import { PARTNER_REF, partnerRef } from '../partners/partner-ref';

const LISTING = uid('listing');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A listing row as the services pass it on: typed where it leaves the database. */
export interface ListingRecord {
  id: number;
  documentId: string;
  partnerId: number | null;
  partner: { documentId: string; name: string } | null;
  state: ListingState;
  slug: string;
  name: string;
  description: string;
  services: string[];
  regions: string[];
  website: string | null;
  logo: { id: number; name: string; url: string } | null;
  live: PublicListing | null;
  liveSince: string | null;
  createdAt: string;
  updatedAt: string;
}

const stringList = z.array(z.string()).catch([]);

export const LISTING_POPULATE = {
  partner: PARTNER_REF,
  logo: { select: ['id', 'name', 'url'] },
};

export const recordOf = (row: Row): ListingRecord => {
  const live = publicListingSchema.safeParse(row.liveCopy);
  return {
    id: Number(row.id),
    documentId: row.documentId,
    partnerId: row.partner?.id ?? null,
    partner: partnerRef(row.partner),
    state: row.state,
    slug: row.slug,
    name: row.name ?? '',
    description: row.description ?? '',
    services: stringList.parse(row.services),
    regions: stringList.parse(row.regions),
    website: row.website ?? null,
    logo: row.logo ? { id: row.logo.id, name: row.logo.name, url: row.logo.url } : null,
    live: row.liveSince && live.success ? live.data : null,
    liveSince: iso(row.liveSince),
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
  };
};

const workingCopy = (record: ListingRecord) => ({
  name: record.name,
  description: record.description,
  services: record.services,
  regions: record.regions,
  website: record.website,
  logoUrl: record.logo?.url ?? null,
});

/** The working copy as the public will see it once approved. */
export const publicCopyOf = (record: ListingRecord, listedSince: string): PublicListing => ({
  slug: record.slug,
  ...workingCopy(record),
  listedSince,
});

/** Reads of listings: the partner's own, the editors' list, the public directory. */
const createListingViewsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const listings = () => strapi.db.query(LISTING);
  const directoryPath = () => `${getPluginConfig({ strapi }).portal.path}/directory`;

  const publicPath = (record: ListingRecord) =>
    record.live ? `${directoryPath()}/${record.live.slug}` : null;

  const portalView = (record: ListingRecord): PortalListing => ({
    ...workingCopy(record),
    status: record.state,
    live: record.live,
    publicPath: publicPath(record),
    updatedAt: record.updatedAt,
  });

  const adminView = (record: ListingRecord): AdminListing => ({
    ...workingCopy(record),
    documentId: record.documentId,
    partner: record.partner,
    status: record.state,
    slug: record.slug,
    logo: record.logo,
    live: record.live,
    publicPath: publicPath(record),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  });

  const find = async (where: Row) => {
    const row = await listings().findOne({ where, populate: LISTING_POPULATE });
    return row ? recordOf(row) : null;
  };

  return {
    find,
    portalView,
    adminView,
    directoryPath,

    /** The signed-in partner's listing, or null before it applies. */
    async ofPartner(partnerId: number) {
      const record = await find({ partner: { id: partnerId } });
      return record ? portalView(record) : null;
    },

    async adminList(query: ListListingsQuery) {
      const { results, pagination } = await listings().findPage({
        where: query.status ? { state: query.status } : {},
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
        populate: LISTING_POPULATE,
      });
      return { results: results.map((row: Row) => adminView(recordOf(row))), pagination };
    },

    async adminGet(documentId: string) {
      const record = await find({ documentId });
      if (!record) throw new errors.NotFoundError('listing not found');
      return adminView(record);
    },

    /** Live listings only, by slug: the approved copies and nothing else of the row. */
    async publicPage(query: DirectoryQuery) {
      const { results, pagination } = await listings().findPage({
        where: { liveSince: { $notNull: true } },
        select: ['id', 'liveCopy', 'liveSince'],
        orderBy: [{ slug: 'asc' }, { id: 'asc' }],
        page: query.page,
        pageSize: query.pageSize,
      });
      const data = results.flatMap((row: Row) => {
        const copy = publicListingSchema.safeParse(row.liveCopy);
        return copy.success ? [copy.data] : [];
      });
      return { data, meta: { pagination } };
    },

    /** One live listing by the slug of its approved copy. */
    async publicListing(slug: string): Promise<PublicListing> {
      const row = await listings().findOne({
        where: { slug, liveSince: { $notNull: true } },
        select: ['liveCopy'],
      });
      const copy = publicListingSchema.safeParse(row?.liveCopy);
      if (!copy.success) throw new errors.NotFoundError('listing not found');
      return copy.data;
    },
  };
};

export type ListingViewsService = ReturnType<typeof createListingViewsService>;
export default createListingViewsService;
