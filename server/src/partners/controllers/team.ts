import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  teamInviteRequestSchema,
  teamMemberIdSchema,
  type TeamInviteResponse,
  type TeamResponse,
} from '../../../../plugin/contracts/partners';
import { getService } from '../../platform/plugin-context';
import type { PortalPartner } from '../../portal/is-partner';
import { parseInput } from '../../platform/validation';

/** The portal's team page (`/api/partners/portal/team`), behind the `is-partner` policy. */
const createTeamController = ({ strapi }: { strapi: Core.Strapi }) => {
  const team = () => getService('partner-team', { strapi });
  const actor = (ctx: Context) => ({
    partner: ctx.state.partner as PortalPartner,
    userId: (ctx.state.user as { id: number }).id,
  });

  return {
    /** `GET /portal/team` */
    async list(ctx: Context) {
      const { partner, userId } = actor(ctx);
      ctx.body = { data: await team().list(partner, userId) } satisfies TeamResponse;
    },

    /** `POST /portal/team` `{ data: { email } }` */
    async invite(ctx: Context) {
      const { partner, userId } = actor(ctx);
      const { data } = parseInput(teamInviteRequestSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = {
        data: await team().invite(partner, data.email, userId),
      } satisfies TeamInviteResponse;
    },

    /** `DELETE /portal/team/:id` */
    async remove(ctx: Context) {
      const { partner, userId } = actor(ctx);
      await team().remove(partner, parseInput(teamMemberIdSchema, ctx.params.id), userId);
      ctx.status = 204;
    },
  };
};

export default createTeamController;
