import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  createProgramRequestSchema,
  idParamSchema,
  listProgramsQuerySchema,
  previewRequestSchema,
  updateProgramRequestSchema,
} from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `/partners/programs*`: programs and the live preview of their rules. */
const createProgramsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const programs = () => getService('programs', { strapi });
  return {
    async find(ctx: Context) {
      const { results, pagination } = await programs().list(
        parseInput(listProgramsQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      ctx.body = { data: await programs().get(parseInput(idParamSchema, ctx.params.id)), meta: {} };
    },

    async create(ctx: Context) {
      const { data } = parseInput(createProgramRequestSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await programs().create(data), meta: {} };
    },

    async update(ctx: Context) {
      const id = parseInput(idParamSchema, ctx.params.id);
      const { data } = parseInput(updateProgramRequestSchema, ctx.request.body);
      const sent = Object.keys((ctx.request.body as { data: object }).data);
      ctx.body = { data: await programs().update(id, data, sent), meta: {} };
    },

    async preview(ctx: Context) {
      const { data } = parseInput(previewRequestSchema, ctx.request.body);
      ctx.body = { data: programs().preview(data), meta: {} };
    },
  };
};

export default createProgramsController;
