import { relationRow, relationRows } from '../platform/rows';
import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { conflict } from './status-errors';
import { getService } from '../platform/plugin-context';
import { createPartnerLogins } from './partner-logins';
import type { RawRow } from '../platform/rows';

const PARTNER = uid('partner');
const ENROLLMENT = uid('enrollment');

/** The name of an enrollment's program (populated with `name` only); null without one. */
const programNameOf = (enrollment: RawRow | null): string | null => {
  const program = relationRow(enrollment?.program);
  return program ? String(program.name) : null;
};

/** Editors' control of a partner's portal access: invitations and their revocation (SPEC §9). */
const createPartnerAccessService = ({ strapi }: { strapi: Core.Strapi }) => {
  const invitations = () => getService('invitations', { strapi });
  const logins = createPartnerLogins(strapi);
  const partnerOf = (documentId: string) =>
    getService('partner-applications', { strapi }).partnerByDocumentId(documentId);

  return {
    /**
     * (Re)sends the portal invitation to the partner's address; earlier open ones are revoked.
     * Answers the invitation, what the e-mail did and the link to copy.
     */
    async invite(documentId: string, invitedBy: string, origin?: string) {
      const partner = await partnerOf(documentId);
      if (partner.state !== 'approved') {
        throw conflict('Approve the partner before inviting it to the portal', {
          reason: 'not-approved',
        });
      }
      const enrollment: RawRow | null = await strapi.db.query(ENROLLMENT).findOne({
        where: { partner: { id: partner.id }, state: 'approved' },
        populate: { program: { select: ['name'] } },
        orderBy: { id: 'asc' },
      });
      const { invitation, ...delivery } = await invitations().issue({
        partnerId: partner.id,
        email: partner.email,
        invitedBy,
        partnerName: partner.name,
        programName: programNameOf(enrollment),
        origin,
      });
      return { ...invitation, ...delivery };
    },

    /** The link of one of the partner's open invitations, for an editor to copy. */
    async invitationLink(documentId: string, invitationId: string, origin?: string) {
      const partner = await partnerOf(documentId);
      return invitations().link(partner.id, invitationId, origin);
    },

    /**
     * Blocks every login of the partner (users-permissions refuses blocked users at sign-in and
     * on every request) and revokes its open invitations. The partner's data stays; inviting it
     * again restores access.
     */
    async revokeAccess(documentId: string) {
      const partner = await partnerOf(documentId);
      const withUsers: RawRow | null = await strapi.db.query(PARTNER).findOne({
        where: { id: partner.id },
        populate: { users: { select: ['id'] } },
      });
      const userIds = relationRows(withUsers?.users).map((user) => Number(user.id));
      return strapi.db.transaction(async () => {
        const blockedUsers = await logins.block(userIds);
        const revokedInvitations = await invitations().revokeOpen(partner.id);
        return { blockedUsers, revokedInvitations };
      });
    },

    async invitationsOf(documentId: string) {
      const partner = await partnerOf(documentId);
      return invitations().listForPartner(partner.id);
    },
  };
};

export type PartnerAccessService = ReturnType<typeof createPartnerAccessService>;
export default createPartnerAccessService;
