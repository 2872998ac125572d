import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ApplyListingRequest, DraftListingRequest } from '../../../plugin/contracts/directory';
import {
  checkLogoFile,
  listingActionFrom,
  listingActionRefusal,
  nextListingState,
  publicCopyAfter,
  type ListingAction,
} from '../../../plugin/directory';
import { uid } from '../../../plugin/model';
import { codeFromName, nextFreeCode } from '../../../plugin/tracking';
import { lockRow } from '../platform/database';
import { readHead, type IncomingFile } from '../platform/media-files';
import { getService } from '../platform/plugin-context';
import type { RawRow } from '../platform/rows';
import { LISTING_POPULATE, toListingRecord, type ListingRecord } from './listing-record';
import { publicCopyOf, type ListingWhere } from './listing-views';

const LISTING = uid('listing');
const PARTNER = uid('partner');
const FILE = 'plugin::upload.file';

/** What a partner or an editor writes into a listing's working copy. */
type ListingPatch = Partial<
  NonNullable<ApplyListingRequest['data']> & NonNullable<DraftListingRequest['data']>
>;

/** A partner as its listing is first made: named after its company, else the partner. */
interface ListedPartner {
  id: number;
  name: string | null;
  company: string | null;
  website: string | null;
}

/** Parses a partner read with `select` of some of `id`, `name`, `company` and `website`. */
const toListedPartner = (row: RawRow): ListedPartner => ({
  id: Number(row.id),
  name: (row.name as string | null | undefined) ?? null,
  company: (row.company as string | null | undefined) ?? null,
  website: (row.website as string | null | undefined) ?? null,
});

/**
 * Directory listings (docs/directory.md), the only writer of `partners_listings`. The partner
 * applies and approves in the portal; editors draft, unpublish and reject in the admin. Every
 * move checks the state in the UPDATE itself, so two requests cannot both take one listing
 * from the same state. The public copy (`liveCopy`, `liveSince`) is written only by approval
 * and taken down by unpublishing or rejecting.
 */
const createListingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const listings = () => strapi.db.query(LISTING);
  const views = () => getService('listing-views', { strapi });

  const load = async (where: ListingWhere): Promise<ListingRecord | null> => {
    const row: RawRow | null = await listings().findOne({ where, populate: LISTING_POPULATE });
    return row ? toListingRecord(row) : null;
  };

  const loaded = async (where: ListingWhere) => {
    const record = await load(where);
    if (!record) throw new errors.NotFoundError('listing not found');
    return record;
  };

  /** Moves a listing with `action`, writing `data` and the public copy in the same UPDATE. */
  const move = async (record: ListingRecord, action: ListingAction, data: ListingPatch = {}) => {
    const to = nextListingState(record.state, action);
    // Unpublishing takes down a public copy: a draft that never went live has none.
    const needsCopy = action === 'unpublish';
    if (!to || (needsCopy && !record.live)) {
      throw new errors.ValidationError(listingActionRefusal(action));
    }
    const copy = publicCopyAfter(action, record.live !== null);
    const listedSince = record.live?.listedSince ?? new Date().toISOString();
    const { logo, ...columns } = data;
    const changes: RawRow = { ...columns, state: to };
    if (copy === 'remove') Object.assign(changes, { liveCopy: null, liveSince: null });
    if (copy === 'publish') {
      changes.liveCopy = publicCopyOf(record, listedSince);
      changes.liveSince = listedSince;
    }
    const changed = await listings().updateMany({
      where: {
        id: record.id,
        state: { $in: [...listingActionFrom(action)] },
        ...(needsCopy ? { liveSince: { $notNull: true } } : {}),
      },
      data: changes,
    });
    if (changed.count === 0) throw new errors.ValidationError(listingActionRefusal(action));
    if (logo !== undefined) {
      // The media relation is not a column: set it through the Query Engine's relation writer.
      await listings().update({ where: { id: record.id }, data: { logo } });
    }
    return loaded({ id: record.id });
  };

  /** A slug no other listing has, from the name as a default link code is: "acme", "acme-2"… */
  const freeSlug = async (name: string, partnerId: number) => {
    const base = codeFromName(name, partnerId);
    const taken = await listings().findMany({
      where: { slug: { $startsWith: base } },
      select: ['slug'],
    });
    return nextFreeCode(
      base,
      taken.map((row: RawRow) => String(row.slug))
    );
  };

  return {
    /**
     * A partner applies, or applies again after a rejection or an unpublication. The partner's
     * row is locked so two applications of one partner make one listing.
     */
    apply: (partnerId: number, data: NonNullable<ApplyListingRequest['data']>) =>
      strapi.db.transaction(async () => {
        await lockRow(strapi, PARTNER, partnerId);
        const existing = await load({ partner: { id: partnerId } });
        if (existing) return views().portalView(await move(existing, 'apply', data));
        const row: RawRow | null = await strapi.db
          .query(PARTNER)
          .findOne({ where: { id: partnerId }, select: ['name', 'company'] });
        const partner = row ? toListedPartner(row) : null;
        const name = String(partner?.company || partner?.name || 'Partner');
        const created: RawRow = await listings().create({
          data: {
            ...data,
            name,
            slug: await freeSlug(name, partnerId),
            state: 'applied',
            partner: partnerId,
          },
        });
        return views().portalView(await loaded({ id: Number(created.id) }));
      }),

    /**
     * The partner's logo, uploaded through the media library while the application is with
     * the editors (state applied). Checked by its first bytes and size before anything is stored.
     */
    async uploadLogo(partnerId: number, file: IncomingFile | undefined) {
      if (!file?.filepath) throw new errors.ValidationError('logo: a file is required');
      const record = await load({ partner: { id: partnerId } });
      if (!record) throw new errors.ValidationError('apply for a listing first');
      if (record.state !== 'applied') {
        throw new errors.ValidationError(
          'the logo can be changed while the application is with the editors; ask them to change it in the draft'
        );
      }
      const checked = checkLogoFile(await readHead(file.filepath), file.size);
      if (!checked.ok) throw new errors.ValidationError(checked.reason);
      const [uploaded] = await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name: `listing-${record.slug}`, alternativeText: record.name } },
          files: { ...file, mimetype: checked.type },
        });
      await listings().update({ where: { id: record.id }, data: { logo: uploaded.id } });
      return views().portalView(await loaded({ id: record.id }));
    },

    /** The partner approves the editors' draft: it becomes the public copy. */
    async approve(partnerId: number) {
      const record = await load({ partner: { id: partnerId } });
      if (!record) throw new errors.ValidationError(listingActionRefusal('approve'));
      return views().portalView(await move(record, 'approve'));
    },

    /**
     * An editor writes the draft the partner approves next. A live listing's copy stays public
     * until then.
     */
    async draft(documentId: string, patch: NonNullable<DraftListingRequest['data']>) {
      const record = await loaded({ documentId });
      if (patch.logo) {
        const file = await strapi.db.query(FILE).findOne({ where: { id: patch.logo } });
        if (!file) throw new errors.ValidationError('logo: no such file in the media library');
      }
      return views().adminView(await move(record, 'draft', patch));
    },

    async unpublish(documentId: string) {
      return views().adminView(await move(await loaded({ documentId }), 'unpublish'));
    },

    async reject(documentId: string) {
      return views().adminView(await move(await loaded({ documentId }), 'reject'));
    },

    /**
     * Replaces the old `directoryListing` flag: each flagged partner without a listing gets an
     * application (state applied, its name and website) for the editors to draft. Runs at boot;
     * once a partner has a listing it is left alone.
     */
    async migrateDirectoryFlag() {
      const rows: RawRow[] = await strapi.db.query(PARTNER).findMany({
        where: { directoryListing: true },
        select: ['id', 'name', 'company', 'website'],
      });
      const flagged = rows.map(toListedPartner);
      for (const partner of flagged) {
        if (await load({ partner: { id: partner.id } })) continue;
        const name = String(partner.company || partner.name);
        const website = /^https?:\/\//i.test(partner.website ?? '') ? partner.website : null;
        await listings().create({
          data: {
            name,
            slug: await freeSlug(name, partner.id),
            state: 'applied',
            description: '',
            services: [],
            regions: [],
            website,
            partner: partner.id,
          },
        });
      }
      return flagged.length;
    },
  };
};

export type ListingsService = ReturnType<typeof createListingsService>;
export default createListingsService;
