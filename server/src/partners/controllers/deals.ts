import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  approveDealRequestSchema,
  dealPipelineQuerySchema,
  idParamSchema,
  listDealsQuerySchema,
  loseDealRequestSchema,
  rejectDealRequestSchema,
  winDealRequestSchema,
} from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';
import { dealPipeline } from '../deal-pipeline';

/** `/partners/deals*`: deal registrations to decide and close, and their pipeline. */
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

    async win(ctx: Context) {
      const id = parseInput(idParamSchema, ctx.params.id);
      const { data } = parseInput(winDealRequestSchema, ctx.request.body ?? {});
      ctx.body = { data: await deals().win(id, data), meta: {} };
    },

    async lose(ctx: Context) {
      const id = parseInput(idParamSchema, ctx.params.id);
      const { data } = parseInput(loseDealRequestSchema, ctx.request.body ?? {});
      ctx.body = { data: await deals().lose(id, data), meta: {} };
    },

    async pipeline(ctx: Context) {
      const query = parseInput(dealPipelineQuerySchema, ctx.query);
      ctx.body = { data: await dealPipeline(strapi, query), meta: {} };
    },
  };
};

export default createDealsController;
