import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  createOrderRequestSchema,
  createRefundRequestSchema,
  externalIdParamSchema,
} from '../../../../plugin/contracts/orders';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';
import { toOrderResponse } from './order-response';

const createOrdersController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /orders`: 201 the first time an `externalId` is seen, 200 on a replay or update. */
  async create(ctx: Context) {
    const { data } = parseInput(createOrderRequestSchema, ctx.request.body);
    const { order, created } = await getService('orders', { strapi }).ingest(data, 'api');
    ctx.status = created ? 201 : 200;
    ctx.body = { data: toOrderResponse(order), meta: { created } };
  },

  /** `POST /orders/:externalId/refunds` */
  async refund(ctx: Context) {
    const externalId = parseInput(externalIdParamSchema, ctx.params.externalId);
    const { data } = parseInput(createRefundRequestSchema, ctx.request.body);
    const order = await getService('orders', { strapi }).refund(externalId, data);
    ctx.body = { data: toOrderResponse(order) };
  },
});

export default createOrdersController;
