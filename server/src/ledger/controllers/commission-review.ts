import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  approveCommissionsRequestSchema,
  exportCommissionsQuerySchema,
  listCommissionsQuerySchema,
  rejectCommissionsRequestSchema,
  releaseCommissionsRequestSchema,
} from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';
import { sendCsv } from '../../payouts/controllers/payouts';

/** `/partners/commissions*`: the ledger, bulk approve / reject / release, CSV export. */
const createCommissionReviewController = ({ strapi }: { strapi: Core.Strapi }) => {
  const review = () => getService('commission-review', { strapi });
  return {
    async find(ctx: Context) {
      const { results, pagination } = await review().list(
        parseInput(listCommissionsQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    async approve(ctx: Context) {
      const { data } = parseInput(approveCommissionsRequestSchema, ctx.request.body);
      ctx.body = { data: await review().approve(data.ids), meta: {} };
    },

    async reject(ctx: Context) {
      const { data } = parseInput(rejectCommissionsRequestSchema, ctx.request.body);
      ctx.body = { data: await review().reject(data.ids, data.reason), meta: {} };
    },

    async release(ctx: Context) {
      const { data } = parseInput(releaseCommissionsRequestSchema, ctx.request.body);
      ctx.body = { data: await review().release(data.ids), meta: {} };
    },

    async exportCsv(ctx: Context) {
      const query = parseInput(exportCommissionsQuerySchema, ctx.query);
      sendCsv(ctx, 'commissions.csv', review().exportCsv(query));
    },
  };
};

export default createCommissionReviewController;
