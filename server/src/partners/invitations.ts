import { relationRow, textOrNull } from '../platform/rows';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Delivery } from '../../../plugin/contracts/notifications';
import type {
  AcceptInvitationInput,
  InvitationAdminView,
  InvitationLink,
  InvitationView,
} from '../../../plugin/contracts/partners';
import { uid, type PartnerStatus } from '../../../plugin/model';
import { invitationState } from '../../../plugin/partners';
import { hashInvitationToken, newInvitationToken } from './invitation-token';
import { conflict, gone } from './status-errors';
import { getPluginConfig, getService } from '../platform/plugin-context';
import { seal, unseal } from '../platform/secrets';
import { createPartnerLogins } from './partner-logins';
import { createPartnerRepository } from './partner-repository';
import type { RawRow } from '../platform/rows';
import { toInvitationRecord, type InvitationRecord } from './invitation-record';

const INVITATION = uid('invitation');
const ENROLLMENT = uid('enrollment');
const HOUR_MS = 3_600_000;

/** The partner an invitation logs into, populated with `INVITED_PARTNER`. */
interface InvitedPartner {
  id: number;
  name: string;
  state: PartnerStatus;
}

const INVITED_PARTNER = ['id', 'documentId', 'name', 'state'];

/** An invitation read by its token, with the partner it logs into; null when that is gone. */
const toTokenInvitation = (
  row: RawRow
): (InvitationRecord & { partner: InvitedPartner }) | null => {
  const partner = relationRow(row.partner);
  if (!partner) return null;
  const invited: InvitedPartner = {
    id: Number(partner.id),
    name: String(partner.name),
    state: partner.state as PartnerStatus,
  };
  return { ...toInvitationRecord(row), partner: invited };
};

/** A program an invited partner is approved in, populated with `INVITED_PROGRAM`. */
interface InvitedProgram {
  slug: string;
  name: string;
  terms: string | null;
  termsVersion: string | null;
}

const INVITED_PROGRAM = ['slug', 'name', 'terms', 'termsVersion'];

/** The program of an enrollment (populated with `INVITED_PROGRAM`), or null without one. */
const toInvitedProgram = (enrollment: RawRow): InvitedProgram | null => {
  const program = relationRow(enrollment.program);
  return program
    ? {
        slug: String(program.slug),
        name: String(program.name),
        terms: textOrNull(program.terms),
        termsVersion: textOrNull(program.termsVersion),
      }
    : null;
};

const SPENT = {
  used: 'This invitation has already been used',
  expired: 'This invitation has expired: ask for a new one',
  revoked: 'This invitation was revoked',
} as const;

export const toInvitationAdminView = (
  invitation: InvitationRecord,
  now = new Date()
): InvitationAdminView => ({
  documentId: invitation.documentId,
  email: invitation.email,
  createdAt: invitation.createdAt,
  expiresAt: invitation.expiresAt,
  usedAt: invitation.usedAt,
  revokedAt: invitation.revokedAt,
  invitedBy: invitation.invitedBy,
  state: invitationState(invitation, now),
  linkAvailable: Boolean(invitation.tokenSealed),
});

/** Why an open invitation's link cannot be shown again. */
const noLink = (why: string) =>
  conflict(`${why}: send a new invitation to get a link`, { reason: 'no-link' });

/**
 * Partners' portal invitations (SPEC §8): single use, time-limited, looked up by the token's
 * hash. The token is also kept sealed with the plugin's key (platform/secrets.ts) while the
 * invitation is open, so an editor can copy the link when no e-mail went out; it is dropped
 * when the invitation is used or revoked. The token is never logged.
 */
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
    const row: RawRow | null = await invitations().findOne({
      where: { tokenHash: hashInvitationToken(token) },
      populate: { partner: { select: INVITED_PARTNER } },
    });
    const invitation = row ? toTokenInvitation(row) : null;
    if (!invitation) throw new errors.NotFoundError('Unknown invitation');
    const state = invitationState(invitation, now);
    if (state !== 'valid') throw gone(SPENT[state], { state });
    if (invitation.partner.state !== 'approved') {
      throw gone('This partner account is not active', { state: 'revoked' });
    }
    return invitation;
  };

  /** Revokes a partner's open invitations (for one address, or all of them). */
  const revokeOpen = async (partnerId: number, email?: string, now = new Date()) => {
    const rows: RawRow[] = await invitations().findMany({
      where: { partner: { id: partnerId }, ...(email ? { email } : {}), ...open(now) },
      select: ['id'],
    });
    if (rows.length === 0) return 0;
    const { count } = await invitations().updateMany({
      where: { id: { $in: rows.map((row) => Number(row.id)) }, ...open(now) },
      data: { revokedAt: now, tokenSealed: null },
    });
    return count as number;
  };

  /**
   * A new invitation for `email` to log into `partnerId`'s portal, mailed at once. Earlier open
   * invitations to the same address are revoked, so only the newest link works. Answers what
   * the mail did, and the link (on `server.url`, else on `origin`) for an editor to copy.
   */
  const issue = async (input: {
    partnerId: number;
    email: string;
    invitedBy: string;
    partnerName: string | null;
    programName: string | null;
    origin?: string;
  }) => {
    const now = new Date();
    const email = input.email.toLowerCase();
    const { token, tokenHash } = newInvitationToken();
    const ttlHours = getPluginConfig({ strapi }).partners.invitationTtlHours;
    const invitation = await strapi.db.transaction(async () => {
      await revokeOpen(input.partnerId, email, now);
      const created: RawRow = await invitations().create({
        data: {
          partner: input.partnerId,
          email,
          tokenHash,
          tokenSealed: seal(strapi, token),
          expiresAt: new Date(now.getTime() + ttlHours * HOUR_MS),
          invitedBy: input.invitedBy.slice(0, 255),
        },
      });
      return toInvitationRecord(created);
    });
    const notifications = getService('notifications', { strapi });
    const delivery = await notifications.invitationWithToken(email, token, {
      partnerName: input.partnerName,
      programName: input.programName,
      expiresAt: invitation.expiresAt,
    });
    return {
      invitation: toInvitationAdminView(invitation, now),
      ...delivery,
      link: notifications.invitationUrl(token, input.origin),
    };
  };

  return {
    revokeOpen,

    issue,

    /** `issue`, answered as an editor sees it: the invitation's link and what the e-mail did. */
    async issueLink(input: Parameters<typeof issue>[0]): Promise<InvitationLink & Delivery> {
      const { invitation, link, mailed, mailError } = await issue(input);
      const { documentId, email, expiresAt } = invitation;
      return { documentId, email, expiresAt, link, mailed, mailError };
    },

    /**
     * The link of one of the partner's open invitations, for an editor to copy: 410 once it is
     * used, revoked or expired; 409 when no sealed token is kept (issued before links were kept,
     * or sealed under another encryption key).
     */
    async link(partnerId: number, documentId: string, origin?: string): Promise<InvitationLink> {
      const now = new Date();
      const row: RawRow | null = await invitations().findOne({
        where: { documentId, partner: { id: partnerId } },
      });
      if (!row) throw new errors.NotFoundError('This partner has no such invitation');
      const invitation = toInvitationRecord(row);
      const state = invitationState(invitation, now);
      if (state !== 'valid') throw gone(SPENT[state], { state });
      if (!invitation.tokenSealed) throw noLink('This invitation was issued without a kept link');
      let token: string;
      try {
        token = unseal(strapi, invitation.tokenSealed);
      } catch {
        throw noLink('The encryption key changed since this invitation was issued');
      }
      return {
        documentId: invitation.documentId,
        email: invitation.email,
        expiresAt: invitation.expiresAt,
        link: getService('notifications', { strapi }).invitationUrl(token, origin),
      };
    },

    /** `POST /invitations/view`: who is invited, to what, and the terms to accept. */
    async view(token: string): Promise<InvitationView> {
      const invitation = await usable(token, new Date());
      const enrollments: RawRow[] = await strapi.db.query(ENROLLMENT).findMany({
        where: { partner: { id: invitation.partner.id }, state: 'approved' },
        populate: { program: { select: INVITED_PROGRAM } },
        orderBy: { id: 'asc' },
      });
      return {
        email: invitation.email,
        partnerName: invitation.partner.name,
        programs: enrollments.flatMap((enrollment) => toInvitedProgram(enrollment) ?? []),
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
      const partnerId = invitation.partner.id;
      const email = invitation.email.toLowerCase();
      const userId = await strapi.db.transaction(async () => {
        const { count } = await invitations().updateMany({
          where: { id: invitation.id, ...open(now) },
          data: { usedAt: now, tokenSealed: null },
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
      const rows: RawRow[] = await invitations().findMany({
        where: { partner: { id: partnerId } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      return rows.map((row) => toInvitationAdminView(toInvitationRecord(row), now));
    },

    /** A partner's invitations that can still be accepted. */
    openFor: async (partnerId: number) => {
      const rows: RawRow[] = await invitations().findMany({
        where: { partner: { id: partnerId }, ...open(new Date()) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toInvitationRecord);
    },
  };
};

export type InvitationsService = ReturnType<typeof createInvitationsService>;
export default createInvitationsService;
