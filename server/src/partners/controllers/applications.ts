import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  applicationRequestSchema,
  approvePartnerRequestSchema,
  listApplicationsQuerySchema,
  partnerIdParamSchema,
  programSlugSchema,
  rejectPartnerRequestSchema,
  type ApplicationPageResponse,
  type ApplicationResponse,
  type PartnerDecisionResponse,
} from '../../../../plugin/contracts/partners';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** Who an admin request acts as, for the invitation's `invitedBy`. */
export const adminName = (ctx: Context) => {
  const user = ctx.state.user as { email?: string } | undefined;
  return user?.email ? `admin ${user.email}` : 'admin';
};

/** Applications: the public form (`/api/partners/...`) and the editors' decisions (`/partners/...`). */
const createApplicationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const applications = () => getService('partner-applications', { strapi });
  const partnerId = (ctx: Context) => parseInput(partnerIdParamSchema, ctx.params.id);

  return {
    /** `GET /programs/:slug/application` */
    async page(ctx: Context) {
      const slug = parseInput(programSlugSchema, ctx.params.slug);
      ctx.body = {
        data: await applications().applicationPage(slug),
      } satisfies ApplicationPageResponse;
    },

    /** `POST /applications` */
    async apply(ctx: Context) {
      const { data } = parseInput(applicationRequestSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await applications().apply(data) } satisfies ApplicationResponse;
    },

    /** Admin `GET /applications?status=applied&program=&page=&pageSize=` */
    async list(ctx: Context) {
      const { results, pagination } = await applications().list(
        parseInput(listApplicationsQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    /** Admin `POST /partners/:id/approve` */
    async approve(ctx: Context) {
      const id = partnerId(ctx);
      parseInput(approvePartnerRequestSchema, ctx.request.body ?? {});
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: await applications().approve(id, adminName(ctx), ctx.request.origin),
      } satisfies PartnerDecisionResponse;
    },

    /** Admin `POST /partners/:id/reject` `{ data: { reason } }` */
    async reject(ctx: Context) {
      const id = partnerId(ctx);
      const { data } = parseInput(rejectPartnerRequestSchema, ctx.request.body);
      ctx.body = {
        data: await applications().reject(id, data.reason),
      } satisfies PartnerDecisionResponse;
    },
  };
};

export default createApplicationsController;
