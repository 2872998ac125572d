import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  createPartnerRequestSchema,
  idParamSchema,
  listPartnersQuerySchema,
  listReferralsQuerySchema,
  updatePartnerRequestSchema,
  type CreatePartnerResponse,
} from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';
import { adminName } from './applications';

/** `/partners/partners*` (list, detail, add by hand, edit) and `/partners/referrals`. */
const createPartnerDirectoryController = ({ strapi }: { strapi: Core.Strapi }) => {
  const directory = () => getService('partner-directory', { strapi });
  return {
    async find(ctx: Context) {
      const { results, pagination } = await directory().list(
        parseInput(listPartnersQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      ctx.body = {
        data: await directory().get(parseInput(idParamSchema, ctx.params.id)),
        meta: {},
      };
    },

    /** `POST /partners/partners`: a partner added by hand, approved, invited when asked. */
    async create(ctx: Context) {
      const { data } = parseInput(createPartnerRequestSchema, ctx.request.body);
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: await getService('partner-creation', { strapi }).create(data, {
          invitedBy: adminName(ctx),
          origin: ctx.request.origin,
        }),
      } satisfies CreatePartnerResponse;
    },

    async update(ctx: Context) {
      const id = parseInput(idParamSchema, ctx.params.id);
      const { data } = parseInput(updatePartnerRequestSchema, ctx.request.body);
      ctx.body = { data: await directory().update(id, data), meta: {} };
    },

    async referrals(ctx: Context) {
      const { results, pagination } = await directory().referrals(
        parseInput(listReferralsQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },
  };
};

export default createPartnerDirectoryController;
