export const INVITATION_STATES = ['valid', 'expired', 'used', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export interface InvitationTimes {
  expiresAt: string | Date;
  usedAt?: string | Date | null;
  revokedAt?: string | Date | null;
}

/**
 * Where an invitation stands at `now`. A used invitation stays "used" even if it was revoked or
 * expired afterwards: that is what happened to it first, and what its owner needs to hear.
 */
export function invitationState(invitation: InvitationTimes, now: Date): InvitationState {
  if (invitation.usedAt) return 'used';
  if (invitation.revokedAt) return 'revoked';
  if (new Date(invitation.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
