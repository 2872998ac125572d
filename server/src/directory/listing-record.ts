import { z } from 'zod';
import type { PartnerRef } from '../../../plugin/contracts/admin';
import { publicListingSchema, type PublicListing } from '../../../plugin/contracts/directory';
import type { ListingState } from '../../../plugin/directory';
import { PARTNER_REF, partnerRef } from '../partners/partner-ref';
import { idOf, iso, type RawRow } from '../platform/rows';

/** A listing row as the services pass it on: typed where it leaves the database. */
export interface ListingRecord {
  id: number;
  documentId: string;
  partnerId: number | null;
  partner: PartnerRef | null;
  state: ListingState;
  slug: string;
  name: string;
  description: string;
  services: string[];
  regions: string[];
  website: string | null;
  logo: { id: number; name: string; url: string } | null;
  /** The approved public copy, while the listing has one (`liveSince` set). */
  live: PublicListing | null;
  liveSince: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a listing query populates for `toListingRecord`: its partner's ref and its logo. */
export const LISTING_POPULATE = {
  partner: PARTNER_REF,
  logo: { select: ['id', 'name', 'url'] },
};

const stringList = z.array(z.string()).catch([]);

/** Parses a whole listing row read with `populate: LISTING_POPULATE`. */
export const toListingRecord = (row: RawRow): ListingRecord => {
  const partner = row.partner as RawRow | null | undefined;
  const logo = row.logo as RawRow | null | undefined;
  const live = publicListingSchema.safeParse(row.liveCopy);
  return {
    id: Number(row.id),
    documentId: String(row.documentId),
    partnerId: idOf(partner),
    partner: partnerRef(partner),
    state: row.state as ListingState,
    slug: String(row.slug),
    name: (row.name as string | null | undefined) ?? '',
    description: (row.description as string | null | undefined) ?? '',
    services: stringList.parse(row.services),
    regions: stringList.parse(row.regions),
    website: (row.website as string | null | undefined) ?? null,
    logo: logo ? { id: Number(logo.id), name: String(logo.name), url: String(logo.url) } : null,
    live: row.liveSince && live.success ? live.data : null,
    liveSince: iso(row.liveSince),
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
  };
};
