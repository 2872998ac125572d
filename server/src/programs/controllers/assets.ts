import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  createAssetRequestSchema,
  idParamSchema,
  listAssetsQuerySchema,
  updateAssetRequestSchema,
} from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `/partners/assets*` (programs.manage). */
const createAssetsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const assets = () => getService('assets', { strapi });
  return {
    async find(ctx: Context) {
      const { results, pagination } = await assets().list(
        parseInput(listAssetsQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    async create(ctx: Context) {
      const { data } = parseInput(createAssetRequestSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await assets().create(data), meta: {} };
    },

    async update(ctx: Context) {
      const id = parseInput(idParamSchema, ctx.params.id);
      const { data } = parseInput(updateAssetRequestSchema, ctx.request.body);
      ctx.body = { data: await assets().update(id, data), meta: {} };
    },

    async delete(ctx: Context) {
      ctx.body = {
        data: await assets().remove(parseInput(idParamSchema, ctx.params.id)),
        meta: {},
      };
    },
  };
};

export default createAssetsController;
