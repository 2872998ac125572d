import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  createAdminLinkRequestSchema,
  idParamSchema,
  updateAdminLinkRequestSchema,
  type AdminLinkResponse,
  type AdminLinksResponse,
} from '../../../../plugin/contracts/admin';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** A partner's links in the admin: `/partners/:id/links` and `/links/:id`. */
const createLinksController = ({ strapi }: { strapi: Core.Strapi }) => {
  const directory = () => getService('link-directory', { strapi });
  const id = (ctx: Context) => parseInput(idParamSchema, ctx.params.id);

  return {
    async find(ctx: Context) {
      const data = await directory().list(id(ctx), ctx.origin);
      ctx.body = { data } satisfies AdminLinksResponse;
    },

    async create(ctx: Context) {
      const partner = id(ctx);
      const { data: input } = parseInput(createAdminLinkRequestSchema, ctx.request.body);
      const data = await directory().add(partner, input, ctx.origin);
      ctx.status = 201;
      ctx.body = { data } satisfies AdminLinkResponse;
    },

    async update(ctx: Context) {
      const link = id(ctx);
      const { data: change } = parseInput(updateAdminLinkRequestSchema, ctx.request.body);
      ctx.body = {
        data: await directory().edit(link, change, ctx.origin),
      } satisfies AdminLinkResponse;
    },
  };
};

export default createLinksController;
