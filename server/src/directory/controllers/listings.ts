import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  draftListingRequestSchema,
  listingIdSchema,
  listListingsQuerySchema,
} from '../../../../plugin/contracts/directory';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** `/partners/directory/listings*`: the editors' side of the directory ("Manage partners"). */
const createListingsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const views = () => getService('listing-views', { strapi });
  const listings = () => getService('listings', { strapi });
  const idOf = (ctx: Context) => parseInput(listingIdSchema, ctx.params.id);
  return {
    async find(ctx: Context) {
      const { results, pagination } = await views().adminList(
        parseInput(listListingsQuerySchema, ctx.query)
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      ctx.body = { data: await views().adminGet(idOf(ctx)) };
    },

    async draft(ctx: Context) {
      const id = idOf(ctx);
      const { data } = parseInput(draftListingRequestSchema, ctx.request.body);
      ctx.body = { data: await listings().draft(id, data) };
    },

    async unpublish(ctx: Context) {
      ctx.body = { data: await listings().unpublish(idOf(ctx)) };
    },

    async reject(ctx: Context) {
      ctx.body = { data: await listings().reject(idOf(ctx)) };
    },
  };
};

export default createListingsController;
