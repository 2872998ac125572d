import { idOrNull, iso, type RawRow, textOrNull } from '../platform/rows';

/** A click row as it leaves the database: references are plain ids, dates ISO 8601. */
export interface ClickRecord {
  id: number;
  documentId: string;
  code: string;
  linkId: number | null;
  partnerId: number | null;
  programId: number | null;
  visitorId: string | null;
  ipHash: string | null;
  userAgent: string | null;
  referrer: string | null;
  landingUrl: string | null;
  isBot: boolean;
  isUnique: boolean;
  velocityFlagged: boolean;
  createdAt: string;
}

/** Parses a whole row of `strapi.db.query(click)` (no `select`). */
export const toClickRecord = (row: RawRow): ClickRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  code: String(row.code),
  linkId: idOrNull(row.linkId),
  partnerId: idOrNull(row.partnerId),
  programId: idOrNull(row.programId),
  visitorId: textOrNull(row.visitorId),
  ipHash: textOrNull(row.ipHash),
  userAgent: textOrNull(row.userAgent),
  referrer: textOrNull(row.referrer),
  landingUrl: textOrNull(row.landingUrl),
  isBot: Boolean(row.isBot),
  isUnique: Boolean(row.isUnique),
  velocityFlagged: Boolean(row.velocityFlagged),
  createdAt: iso(row.createdAt) ?? new Date(0).toISOString(),
});
