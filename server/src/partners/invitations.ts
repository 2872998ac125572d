import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  AcceptInvitationInput,
  InvitationAdminView,
  InvitationView,
} from '../../../plugin/contracts/partners';
import { uid } from '../../../plugin/model';
import { invitationState } from '../../../plugin/partners';
import { hashInvitationToken, newInvitationToken } from './invitation-token';
import { gone } from './status-errors';
import { getPluginConfig, getService } from '../platform/plugin-context';
import { createPartnerLogins } from './partner-logins';
import { createPartnerRepository } from './partner-repository';
import { iso } from '../platform/rows';

const INVITATION = uid('invitation');
const ENROLLMENT = uid('enrollment');
const HOUR_MS = 3_600_000;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SPENT = {
  used: 'This invitation has already been used',
  expired: 'This invitation has expired: ask for a new one',
  revoked: 'This invitation was revoked',
} as const;

export const toInvitationAdminView = (row: Row, now = new Date()): InvitationAdminView => ({
  documentId: row.documentId,
  email: row.email,
  createdAt: iso(row.createdAt)!,
  expiresAt: iso(row.expiresAt)!,
  usedAt: iso(row.usedAt),
  revokedAt: iso(row.revokedAt),
  invitedBy: row.invitedBy ?? null,
  state: invitationState(row as { expiresAt: string }, now),
});

/** Partners' portal invitations (SPEC §8): single use, hashed at rest, time-limited. */
const createInvitationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const invitations = () => strapi.db.query(INVITATION);
  const repository = createPartnerRepository(strapi);
  const logins = createPartnerLogins(strapi);
  const open = (now: Date) => ({
    usedAt: { $null: true },
    revokedAt: { $null: true },
    expiresAt: { $gt: now },
  });

  /** The invitation a token names, usable right now; 404 when unknown, 410 when spent. */
  const usable = async (token: string, now: Date) => {
    const invitation = await invitations().findOne({
      where: { tokenHash: hashInvitationToken(token) },
      populate: { partner: { select: ['id', 'documentId', 'name', 'state'] } },
    });
    if (!invitation?.partner) throw new errors.NotFoundError('Unknown invitation');
    const state = invitationState(invitation, now);
    if (state !== 'valid') throw gone(SPENT[state], { state });
    if (invitation.partner.state !== 'approved') {
      throw gone('This partner account is not active', { state: 'revoked' });
    }
    return invitation;
  };

  /** Revokes a partner's open invitations (for one address, or all of them). */
  const revokeOpen = async (partnerId: number, email?: string, now = new Date()) => {
    const rows = await invitations().findMany({
      where: { partner: { id: partnerId }, ...(email ? { email } : {}), ...open(now) },
      select: ['id'],
    });
    if (rows.length === 0) return 0;
    const { count } = await invitations().updateMany({
      where: { id: { $in: rows.map((row: Row) => row.id) }, ...open(now) },
      data: { revokedAt: now },
    });
    return count as number;
  };

  return {
    revokeOpen,

    /**
     * A new invitation for `email` to log into `partnerId`'s portal, mailed at once. Earlier open
     * invitations to the same address are revoked, so only the newest link works.
     */
    async issue(input: {
      partnerId: number;
      email: string;
      invitedBy: string;
      partnerName: string | null;
      programName: string | null;
    }) {
      const now = new Date();
      const email = input.email.toLowerCase();
      const { token, tokenHash } = newInvitationToken();
      const ttlHours = getPluginConfig({ strapi }).partners.invitationTtlHours;
      const invitation = await strapi.db.transaction(async () => {
        await revokeOpen(input.partnerId, email, now);
        return invitations().create({
          data: {
            partner: input.partnerId,
            email,
            tokenHash,
            expiresAt: new Date(now.getTime() + ttlHours * HOUR_MS),
            invitedBy: input.invitedBy.slice(0, 255),
          },
        });
      });
      const mailed = await getService('notifications', { strapi }).invitationWithToken(
        email,
        token,
        {
          partnerName: input.partnerName,
          programName: input.programName,
          expiresAt: new Date(invitation.expiresAt).toISOString(),
        }
      );
      return { invitation: toInvitationAdminView(invitation, now), mailed };
    },

    /** `GET /invitations/:token`: who is invited, to what, and the terms to accept. */
    async view(token: string): Promise<InvitationView> {
      const invitation = await usable(token, new Date());
      const enrollments = await strapi.db.query(ENROLLMENT).findMany({
        where: { partner: { id: invitation.partner.id }, state: 'approved' },
        populate: { program: { select: ['slug', 'name', 'terms', 'termsVersion'] } },
        orderBy: { id: 'asc' },
      });
      return {
        email: invitation.email,
        partnerName: invitation.partner.name,
        programs: enrollments
          .filter((enrollment: Row) => enrollment.program)
          .map(({ program }: Row) => ({
            slug: program.slug,
            name: program.name,
            terms: program.terms ?? null,
            termsVersion: program.termsVersion ?? null,
          })),
      };
    },

    /**
     * `POST /invitations/accept`: claims the invitation with one conditional UPDATE (unused,
     * unrevoked, unexpired; exactly one row or nothing), then creates the login in the same
     * transaction, so two concurrent accepts make one user and a failure leaves it unused.
     */
    async accept({ token, password }: AcceptInvitationInput) {
      const now = new Date();
      const invitation = await usable(token, now);
      const partnerId = invitation.partner.id as number;
      const email = String(invitation.email).toLowerCase();
      const userId = await strapi.db.transaction(async () => {
        const { count } = await invitations().updateMany({
          where: { id: invitation.id, ...open(now) },
          data: { usedAt: now },
        });
        if (count !== 1) throw gone(SPENT.used, { state: 'used' });
        const login = await logins.forInvitation(email, password, partnerId);
        if (!login.linked) await repository.addLogin(partnerId, login.id);
        await repository.acceptTerms(partnerId, now);
        return login.id;
      });
      const user = (await logins.byId(userId))!;
      const jwt = await strapi.plugin('users-permissions').service('jwt').issue({ id: userId });
      return {
        jwt: jwt as string,
        user: { id: user.id, email: user.email, username: user.username },
      };
    },

    async listForPartner(partnerId: number) {
      const now = new Date();
      const rows = await invitations().findMany({
        where: { partner: { id: partnerId } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      return rows.map((row: Row) => toInvitationAdminView(row, now));
    },

    /** A partner's invitations that can still be accepted. */
    openFor: (partnerId: number) =>
      invitations().findMany({
        where: { partner: { id: partnerId }, ...open(new Date()) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }) as Promise<Row[]>,
  };
};

export type InvitationsService = ReturnType<typeof createInvitationsService>;
export default createInvitationsService;
