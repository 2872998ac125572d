import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  approveDealRequestSchema,
  idParamSchema,
  listDealsQuerySchema,
  rejectDealRequestSchema,
} from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `/partners/deals*`: deal registrations to approve or reject. */
const createDealsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const deals = () => getService('deals', { strapi });
  return {
    async find(ctx: Context) {
      const { results, pagination } = await deals().list(
        parseInput(listDealsQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    async approve(ctx: Context) {
      const id = parseInput(idParamSchema, ctx.params.id);
      const { data } = parseInput(approveDealRequestSchema, ctx.request.body ?? {});
      ctx.body = { data: await deals().approve(id, data.note, data.expiresInDays), meta: {} };
    },

    async reject(ctx: Context) {
      const id = parseInput(idParamSchema, ctx.params.id);
      const { data } = parseInput(rejectDealRequestSchema, ctx.request.body);
      ctx.body = { data: await deals().reject(id, data.note), meta: {} };
    },
  };
};

export default createDealsController;
