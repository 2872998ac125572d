/**
 * The applications and portal-access routes (`/partners/applications`,
 * `/partners/partners/:id/{approve,reject,invite,revoke-access,invitations}`), as the admin reads
 * them.
 */
export type { ApplicationView, InvitationAdminView } from '../../../../plugin/contracts/partners';
