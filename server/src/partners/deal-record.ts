import type { DealStatus } from '../../../plugin/model';
import { iso, type RawRow, textOrNull } from '../platform/rows';

/** A `date` column as "YYYY-MM-DD" on every database (a Date at midnight, or a string). */
export const dayOf = (value: unknown): string | null => {
  if (!value) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

/** A deal row as it leaves the database (its scalar columns; relations populated apart). */
export interface DealRecord {
  id: number;
  documentId: string;
  company: string;
  companyKey: string | null;
  domain: string | null;
  contactEmail: string;
  contactName: string | null;
  /** Minor units of `currency`. */
  estimatedValue: number | null;
  currency: string | null;
  /** "YYYY-MM-DD". */
  expectedCloseAt: string | null;
  state: DealStatus;
  expiresAt: string | null;
  closedAt: string | null;
  held: boolean;
  decisionNote: string | null;
  createdAt: string;
}

/** Parses a whole row of `strapi.db.query(deal)` (no `select`). */
export const toDealRecord = (row: RawRow): DealRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  company: String(row.company),
  companyKey: textOrNull(row.companyKey),
  domain: textOrNull(row.domain),
  contactEmail: String(row.contactEmail),
  contactName: textOrNull(row.contactName),
  estimatedValue: row.estimatedValue == null ? null : Number(row.estimatedValue),
  currency: textOrNull(row.currency),
  expectedCloseAt: dayOf(row.expectedCloseAt),
  state: row.state as DealStatus,
  expiresAt: iso(row.expiresAt),
  closedAt: iso(row.closedAt),
  held: Boolean(row.held),
  decisionNote: textOrNull(row.decisionNote),
  createdAt: iso(row.createdAt) ?? '',
});

/** What the admin and the portal both show of a deal, from its record. */
export const dealFields = (deal: DealRecord) => ({
  documentId: deal.documentId,
  company: deal.company,
  domain: deal.domain,
  contactName: deal.contactName,
  contactEmail: deal.contactEmail,
  estimatedValue: deal.estimatedValue,
  currency: deal.currency,
  status: deal.state,
  held: deal.held,
  expectedCloseAt: deal.expectedCloseAt,
  expiresAt: deal.expiresAt,
  decisionNote: deal.decisionNote,
  createdAt: deal.createdAt,
});
