import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  overviewQuerySchema,
  rollupRebuildRequestSchema,
} from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `GET /partners/overview` (permission: read) and the rollup rebuild. */
const createOverviewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const query = parseInput(overviewQuerySchema, ctx.query);
    ctx.body = { data: await getService('overview', { strapi }).overview(query), meta: {} };
  },

  /** `POST /partners/overview/rebuild` (permission: settings.manage): recomputes the rollups. */
  async rebuild(ctx: Context) {
    const { data } = parseInput(rollupRebuildRequestSchema, ctx.request.body ?? {});
    ctx.body = { data: await getService('rollups', { strapi }).rebuild(data), meta: {} };
  },
});

export default createOverviewController;
