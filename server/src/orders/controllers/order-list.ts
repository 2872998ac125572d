import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { listOrdersQuerySchema } from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `GET /partners/orders` (read). */
const createOrderListController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { results, pagination } = await getService('order-list', { strapi }).list(
      parseInput(listOrdersQuerySchema, ctx.query)
    );
    ctx.body = { data: results, meta: { pagination } };
  },
});

export default createOrderListController;
