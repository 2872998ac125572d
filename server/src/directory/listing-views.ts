import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  AdminListing,
  DirectoryQuery,
  ListListingsQuery,
  PortalListing,
  PublicListing,
} from '../../../plugin/contracts/directory';
import { publicListingSchema } from '../../../plugin/contracts/directory';
import { uid } from '../../../plugin/model';
import { getPluginConfig } from '../platform/plugin-context';
import type { RawRow } from '../platform/rows';
import { LISTING_POPULATE, toListingRecord, type ListingRecord } from './listing-record';

const LISTING = uid('listing');

/** The listings a reader looks one up by: its partner's, or its own documentId. */
export type ListingWhere = { partner: { id: number } } | { documentId: string } | { id: number };

/** The approved copy of a row read with `select: ['liveCopy', ...]`, when it is valid. */
const liveCopyOf = (row: RawRow | null): PublicListing | null => {
  const copy = publicListingSchema.safeParse(row?.liveCopy);
  return copy.success ? copy.data : null;
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

  const find = async (where: ListingWhere): Promise<ListingRecord | null> => {
    const row: RawRow | null = await listings().findOne({ where, populate: LISTING_POPULATE });
    return row ? toListingRecord(row) : null;
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
      return {
        results: results.map((row: RawRow) => adminView(toListingRecord(row))),
        pagination,
      };
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
      const data = results.flatMap((row: RawRow) => {
        const copy = liveCopyOf(row);
        return copy ? [copy] : [];
      });
      return { data, meta: { pagination } };
    },

    /** One live listing by the slug of its approved copy. */
    async publicListing(slug: string): Promise<PublicListing> {
      const row: RawRow | null = await listings().findOne({
        where: { slug, liveSince: { $notNull: true } },
        select: ['liveCopy'],
      });
      const copy = liveCopyOf(row);
      if (!copy) throw new errors.NotFoundError('listing not found');
      return copy;
    },
  };
};

export type ListingViewsService = ReturnType<typeof createListingViewsService>;
export default createListingViewsService;
