import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  acceptInvitationRequestSchema,
  invitationLinkParamsSchema,
  partnerIdParamSchema,
  type AcceptInvitationResponse,
  type InvitationLinkResponse,
  type InvitationViewResponse,
  type InviteResponse,
  type RevokeAccessResponse,
  viewInvitationRequestSchema,
} from '../../../../plugin/contracts/partners';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';
import { adminName } from './applications';

/** Portal invitations: their public side (view, accept) and the editors' (invite, revoke). */
const createInvitationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const invitations = () => getService('invitations', { strapi });
  const access = () => getService('partner-access', { strapi });
  const partnerId = (ctx: Context) => parseInput(partnerIdParamSchema, ctx.params.id);

  return {
    /** `POST /invitations/view` `{ data: { token } }` */
    async view(ctx: Context) {
      const { token } = parseInput(viewInvitationRequestSchema, ctx.request.body).data;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await invitations().view(token) } satisfies InvitationViewResponse;
    },

    /** `POST /invitations/accept` `{ data: { token, password, acceptTerms } }` */
    async accept(ctx: Context) {
      const { data } = parseInput(acceptInvitationRequestSchema, ctx.request.body);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await invitations().accept(data) } satisfies AcceptInvitationResponse;
    },

    /** Admin `POST /partners/:id/invite` */
    async invite(ctx: Context) {
      const id = partnerId(ctx);
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: await access().invite(id, adminName(ctx), ctx.request.origin),
      } satisfies InviteResponse;
    },

    /** Admin `GET /partners/:id/invitations/:invitationId/link` */
    async link(ctx: Context) {
      const { id, invitationId } = parseInput(invitationLinkParamsSchema, ctx.params);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: await access().invitationLink(id, invitationId, ctx.request.origin),
      } satisfies InvitationLinkResponse;
    },

    /** Admin `POST /partners/:id/revoke-access` */
    async revokeAccess(ctx: Context) {
      ctx.body = {
        data: await access().revokeAccess(partnerId(ctx)),
      } satisfies RevokeAccessResponse;
    },

    /** Admin `GET /partners/:id/invitations` */
    async list(ctx: Context) {
      ctx.body = { data: await access().invitationsOf(partnerId(ctx)) };
    },
  };
};

export default createInvitationsController;
