import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import { conflict } from './status-errors';
import { getService } from '../platform/plugin-context';
import { PARTNER_ROLE_TYPE } from './partner-role';

const PARTNER = uid('partner');
const USER = 'plugin::users-permissions.user';
const ROLE = 'plugin::users-permissions.role';

/** A users-permissions login as the portal's sign-in answer shows it. */
export interface LoginRecord {
  id: number;
  email: string;
  username: string;
}

/**
 * The only writer of users-permissions users in the plugin: partners' portal logins are created,
 * reset and blocked here (through the users-permissions user service where it hashes passwords).
 * Which partner a login belongs to is the partner's relation, written by the partner repository.
 */
export const createPartnerLogins = (strapi: Core.Strapi) => {
  const users = () => strapi.db.query(USER);
  const userService = () => strapi.plugin('users-permissions').service('user');

  const partnerRoleId = async () => {
    const role = await strapi.db.query(ROLE).findOne({ where: { type: PARTNER_ROLE_TYPE } });
    return (role ?? (await getService('partner-role', { strapi }).ensure())).id as number;
  };

  return {
    /**
     * The login that accepts an invitation. A new address gets a new user. An existing user is
     * reused only when it already is this partner's login (access revoked, then invited again)
     * or a Partner-role login no partner holds any more (removed from a team); the invitation
     * proves the address, so its password is reset. Any other account is the site's: log in
     * instead. `linked` tells whether the login already belongs to the partner.
     */
    async forInvitation(email: string, password: string, partnerId: number) {
      const existing = await users().findOne({
        where: { $or: [{ email }, { username: email }] },
        populate: { role: { select: ['type'] } },
      });
      if (!existing) {
        const created = await userService().add({
          username: email,
          email,
          password,
          provider: 'local',
          confirmed: true,
          blocked: false,
          role: await partnerRoleId(),
        });
        return { id: created.id as number, linked: false };
      }
      const holder = await strapi.db.query(PARTNER).findOne({
        where: { users: { id: existing.id } },
        select: ['id'],
      });
      const reusable = holder ? holder.id === partnerId : existing.role?.type === PARTNER_ROLE_TYPE;
      if (!reusable || existing.email !== email) {
        throw conflict('An account with this e-mail address already exists: log in instead', {
          reason: 'account-exists',
        });
      }
      await userService().edit(existing.id, { password, blocked: false, confirmed: true });
      return { id: existing.id as number, linked: Boolean(holder) };
    },

    /** Blocks these logins (users-permissions refuses blocked users); answers how many. */
    async block(userIds: readonly number[]): Promise<number> {
      if (userIds.length === 0) return 0;
      const { count } = await users().updateMany({
        where: { id: { $in: [...userIds] } },
        data: { blocked: true },
      });
      return count as number;
    },

    async byId(userId: number): Promise<LoginRecord | null> {
      const user = await users().findOne({
        where: { id: userId },
        select: ['id', 'email', 'username'],
      });
      return user
        ? { id: Number(user.id), email: String(user.email), username: String(user.username) }
        : null;
    },
  };
};

export type PartnerLogins = ReturnType<typeof createPartnerLogins>;
