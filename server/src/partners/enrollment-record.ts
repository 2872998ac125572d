import type { Rate } from '../../../plugin/contracts/rules';
import type { EnrollmentStatus } from '../../../plugin/model';
import { iso, type RawRow, textOrNull } from '../platform/rows';

/** An enrollment row as it leaves the database (its scalar columns; relations populated apart). */
export interface EnrollmentRecord {
  id: number;
  documentId: string;
  state: EnrollmentStatus;
  commissionOverride: Rate | null;
  termsVersionAccepted: string | null;
  acceptedAt: string | null;
  activatedAt: string | null;
  applicationMessage: string | null;
  createdAt: string;
}

/** Parses a whole row of `strapi.db.query(enrollment)` (no `select`). */
export const toEnrollmentRecord = (row: RawRow): EnrollmentRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  state: row.state as EnrollmentStatus,
  commissionOverride: (row.commissionOverride as Rate | null | undefined) ?? null,
  termsVersionAccepted: textOrNull(row.termsVersionAccepted),
  acceptedAt: iso(row.acceptedAt),
  activatedAt: iso(row.activatedAt),
  applicationMessage: textOrNull(row.applicationMessage),
  createdAt: iso(row.createdAt) ?? '',
});
