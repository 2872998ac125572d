/**
 * The applications and portal-access routes (`/partners/applications`,
 * `/partners/partners/:id/{approve,reject,invite,revoke-access,invitations}`), as the admin reads
 * them.
 */
export interface ApplicationView {
  /** The partner's documentId (the approve/reject routes take it). */
  documentId: string;
  enrollmentDocumentId: string;
  name: string;
  email: string;
  company: string | null;
  website: string | null;
  type: string;
  partnerStatus: string;
  enrollmentStatus: string;
  program: { slug: string; name: string } | null;
  message: string | null;
  referredBy: { documentId: string; name: string } | null;
  createdAt: string;
}

export interface InvitationAdminView {
  documentId: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  invitedBy: string | null;
  state: 'valid' | 'expired' | 'used' | 'revoked';
}
