import { iso, type RawRow, textOrNull } from '../platform/rows';

/** An invitation row as it leaves the database (the partner relation is populated apart). */
export interface InvitationRecord {
  id: number;
  documentId: string;
  email: string;
  /** The token sealed with the plugin's key while the invitation is open; null once spent. */
  tokenSealed: string | null;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  invitedBy: string | null;
  createdAt: string;
}

/** Parses a whole row of `strapi.db.query(invitation)` (no `select`). */
export const toInvitationRecord = (row: RawRow): InvitationRecord => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  email: String(row.email),
  tokenSealed: textOrNull(row.tokenSealed),
  expiresAt: iso(row.expiresAt) ?? '',
  usedAt: iso(row.usedAt),
  revokedAt: iso(row.revokedAt),
  invitedBy: textOrNull(row.invitedBy),
  createdAt: iso(row.createdAt) ?? '',
});
