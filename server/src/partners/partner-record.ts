import type { PartnerStatus, PartnerType } from '../../../plugin/model';
import { iso, type RawRow, relationRow, textOrNull as text } from '../platform/rows';
import type { StoredPayoutMethod } from './partner-repository';

/** Who a partner is without its id: its document id, names and state. */
interface PartnerContact {
  documentId: string;
  name: string;
  email: string;
  state: PartnerStatus;
}

/** Who a partner is: the fields `PARTNER_IDENTITY` selects. */
export interface PartnerIdentity extends PartnerContact {
  id: number;
}

export const PARTNER_IDENTITY = ['id', 'documentId', 'name', 'email', 'state'];

/** What a partner says about itself: the fields `PARTNER_PROFILE` selects. */
export interface PartnerProfile extends PartnerContact {
  company: string | null;
  website: string | null;
  type: PartnerType;
  tier: string | null;
}

export const PARTNER_PROFILE = [
  'documentId',
  'name',
  'email',
  'company',
  'website',
  'type',
  'tier',
  'state',
];

/** A partner row as it leaves the database (its scalar columns; relations are populated apart). */
export interface PartnerRecord extends PartnerIdentity, PartnerProfile {
  directoryListing: boolean;
  notes: string | null;
  /** The active payout method, sealed bank numbers included; null when none is set. */
  payoutMethod: StoredPayoutMethod | null;
  createdAt: string;
}

const toPartnerContact = (row: RawRow): PartnerContact => ({
  documentId: String(row.documentId),
  name: String(row.name),
  email: String(row.email),
  state: row.state as PartnerStatus,
});

/** Parses a partner row selected with (at least) `PARTNER_IDENTITY`. */
export const toPartnerIdentity = (row: RawRow): PartnerIdentity => ({
  id: Number(row.id),
  ...toPartnerContact(row),
});

/** Parses a partner row selected with (at least) `PARTNER_PROFILE`. */
export const toPartnerProfile = (row: RawRow): PartnerProfile => ({
  ...toPartnerContact(row),
  company: text(row.company),
  website: text(row.website),
  type: row.type as PartnerType,
  tier: text(row.tier),
});

const payoutMethodOf = (value: unknown): StoredPayoutMethod | null => {
  const method = relationRow(value);
  return method && typeof method.type === 'string' ? (method as StoredPayoutMethod) : null;
};

/** Parses a whole row of `strapi.db.query(partner)` (no `select`). */
export const toPartnerRecord = (row: RawRow): PartnerRecord => ({
  id: Number(row.id),
  ...toPartnerProfile(row),
  directoryListing: Boolean(row.directoryListing),
  notes: text(row.notes),
  payoutMethod: payoutMethodOf(row.payoutMethod),
  createdAt: iso(row.createdAt) ?? '',
});
