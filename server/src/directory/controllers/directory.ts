import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { directoryQuerySchema, listingSlugSchema } from '../../../../plugin/contracts/directory';
import { emptyQuerySchema } from '../../../../plugin/contracts/portal';
import { getService } from '../../platform/plugin-context';
import { parseInput } from '../../platform/validation';

/** The public directory's JSON (`GET /api/partners/directory`): live listings only. */
const createDirectoryController = ({ strapi }: { strapi: Core.Strapi }) => {
  const views = () => getService('listing-views', { strapi });
  return {
    async list(ctx: Context) {
      ctx.body = await views().publicPage(parseInput(directoryQuerySchema, ctx.query));
    },

    async show(ctx: Context) {
      parseInput(emptyQuerySchema, ctx.query);
      ctx.body = {
        data: await views().publicListing(parseInput(listingSlugSchema, ctx.params.slug)),
      };
    },
  };
};

export default createDirectoryController;
