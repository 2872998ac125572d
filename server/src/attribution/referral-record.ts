import type { ReferralSource, ReferralStatus } from '../../../plugin/model';
import type { ReferralRecord as ShownReferral } from '../../../plugin/privacy';
import { idOrNull, iso, textOrNull, type RawRow } from '../platform/rows';

/** A referral row as it leaves the database: references are plain ids, dates ISO 8601. */
export interface ReferralRecord {
  id: number;
  documentId: string;
  partnerId: number;
  programId: number;
  linkId: number | null;
  source: ReferralSource;
  visitorId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  externalId: string | null;
  state: ReferralStatus;
  signedUpAt: string | null;
  convertedAt: string | null;
  churnedAt: string | null;
  qualifiedAt: string | null;
  createdAt: string;
}

/** Parses a whole row of `strapi.db.query(referral)` (no `select`). */
export const toReferralRecord = (row: RawRow): ReferralRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  partnerId: Number(row.partnerId),
  programId: Number(row.programId),
  linkId: idOrNull(row.linkId),
  source: row.source as ReferralSource,
  visitorId: textOrNull(row.visitorId),
  email: textOrNull(row.email),
  firstName: textOrNull(row.firstName),
  lastName: textOrNull(row.lastName),
  externalId: textOrNull(row.externalId),
  state: row.state as ReferralStatus,
  signedUpAt: iso(row.signedUpAt),
  convertedAt: iso(row.convertedAt),
  churnedAt: iso(row.churnedAt),
  qualifiedAt: iso(row.qualifiedAt),
  createdAt: iso(row.createdAt) ?? new Date(0).toISOString(),
});

/**
 * What of a referral the portal may show, before its program's privacy projects it
 * (plugin/privacy): a row read with a `select` of these fields; those not selected stay empty.
 */
export const toShownReferral = (row: RawRow): ShownReferral => ({
  documentId: String(row.documentId),
  state: row.state as ReferralStatus,
  source: row.source as ReferralSource,
  createdAt: iso(row.createdAt) ?? new Date(0).toISOString(),
  signedUpAt: iso(row.signedUpAt),
  convertedAt: iso(row.convertedAt),
  email: textOrNull(row.email),
  firstName: textOrNull(row.firstName),
  lastName: textOrNull(row.lastName),
  externalId: textOrNull(row.externalId),
});
