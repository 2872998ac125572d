import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { overviewQuerySchema } from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `GET /partners/overview` (permission: read). */
const createOverviewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const query = parseInput(overviewQuerySchema, ctx.query);
    ctx.body = { data: await getService('overview', { strapi }).overview(query), meta: {} };
  },
});

export default createOverviewController;
