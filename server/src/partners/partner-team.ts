import { relationRows, textOrNull } from '../platform/rows';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { TeamMember } from '../../../plugin/contracts/partners';
import { uid } from '../../../plugin/model';
import { decideTeamRemoval } from '../../../plugin/partners';
import type { PortalPartner } from '../portal/is-partner';
import { conflict } from './status-errors';
import { getService } from '../platform/plugin-context';
import { createPartnerLogins } from './partner-logins';
import { createPartnerRepository } from './partner-repository';
import type { RawRow } from '../platform/rows';

const PARTNER = uid('partner');

/** A login of the partner, populated with `TEAM_LOGIN` (users-permissions users). */
interface TeamLogin {
  id: number;
  email: string;
  username: string | null;
  blocked: boolean;
}

const TEAM_LOGIN = ['id', 'email', 'username', 'blocked'];

const toTeamLogin = (row: RawRow): TeamLogin => ({
  id: Number(row.id),
  email: String(row.email),
  username: textOrNull(row.username),
  blocked: Boolean(row.blocked),
});

/**
 * A partner's logins (SPEC §8, team members of an agency), managed from the portal. Every
 * query is scoped to the partner the `is-partner` policy resolved; other partners' users are
 * answered exactly as unknown ones.
 */
const createPartnerTeamService = ({ strapi }: { strapi: Core.Strapi }) => {
  const invitations = () => getService('invitations', { strapi });
  const repository = createPartnerRepository(strapi);
  const logins = createPartnerLogins(strapi);

  const usersOf = async (partnerId: number) => {
    const partner: RawRow | null = await strapi.db.query(PARTNER).findOne({
      where: { id: partnerId },
      select: ['id', 'name'],
      populate: { users: { select: TEAM_LOGIN, orderBy: { id: 'asc' } } },
    });
    return {
      name: textOrNull(partner?.name),
      users: relationRows(partner?.users).map(toTeamLogin),
    };
  };

  return {
    /** The partner's logins, then the invitations nobody has accepted yet. */
    async list(partner: PortalPartner, actorId: number): Promise<TeamMember[]> {
      const { users } = await usersOf(partner.id);
      const emails = new Set(users.map((user) => user.email.toLowerCase()));
      const pending = await invitations().openFor(partner.id);
      return [
        ...users.map((user): TeamMember => ({
          id: user.id,
          email: user.email,
          username: user.username,
          isYou: user.id === actorId,
          status: user.blocked ? 'blocked' : 'active',
        })),
        ...pending
          .filter((invitation) => !emails.has(invitation.email))
          .map((invitation): TeamMember => ({
            id: null,
            email: invitation.email,
            username: null,
            isYou: false,
            status: 'invited',
            invitedAt: invitation.createdAt,
          })),
      ];
    },

    /** Invites a new login for the same partner (a resend revokes the earlier link). */
    async invite(partner: PortalPartner, email: string, actorId: number) {
      const { name, users } = await usersOf(partner.id);
      if (users.some((user) => user.email.toLowerCase() === email && !user.blocked)) {
        throw conflict('This address already logs into your portal', { reason: 'member' });
      }
      const actor = users.find((user) => user.id === actorId);
      const { invitation, mailed } = await invitations().issue({
        partnerId: partner.id,
        email,
        invitedBy: `partner login ${actor?.email ?? actorId}`,
        partnerName: name,
        programName: null,
      });
      const member: TeamMember = {
        id: null,
        email: invitation.email,
        username: null,
        isYou: false,
        status: 'invited',
        invitedAt: invitation.createdAt,
      };
      return { ...member, mailed };
    },

    /**
     * Removes a login from the partner and blocks it (its data is the partner's, not the
     * login's). Never the caller's own login, never the last one that can sign in.
     */
    async remove(partner: PortalPartner, targetId: number, actorId: number) {
      const { users } = await usersOf(partner.id);
      const decision = decideTeamRemoval({
        userIds: users.map((user) => user.id),
        activeUserIds: users.filter((user) => !user.blocked).map((user) => user.id),
        actorId,
        targetId,
      });
      if (decision === 'not-found') throw new errors.NotFoundError('No team member has this id');
      if (decision === 'self') throw new errors.ForbiddenError('You cannot remove your own login');
      if (decision === 'last-login') {
        throw conflict('A partner keeps at least one login', { reason: 'last-login' });
      }
      const target = users.find((user) => user.id === targetId)!;
      await strapi.db.transaction(async () => {
        await repository.removeLogin(partner.id, targetId);
        await logins.block([targetId]);
        await invitations().revokeOpen(partner.id, target.email.toLowerCase());
      });
    },
  };
};

export type PartnerTeamService = ReturnType<typeof createPartnerTeamService>;
export default createPartnerTeamService;
