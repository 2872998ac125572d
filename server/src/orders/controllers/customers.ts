import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  customerStatusRequestSchema,
  externalIdParamSchema,
} from '../../../../plugin/contracts/orders';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

const createCustomersController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /customers/:externalId/status` `{ data: { status: active|churned } }` */
  async setStatus(ctx: Context) {
    const externalId = parseInput(externalIdParamSchema, ctx.params.externalId);
    const { data } = parseInput(customerStatusRequestSchema, ctx.request.body);
    ctx.body = {
      data: await getService('attribution', { strapi }).setCustomerStatus(externalId, data),
    };
  },
});

export default createCustomersController;
