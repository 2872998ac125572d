import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { uploadMediaQuerySchema } from '../../../../plugin/contracts/media';
import { getService } from '../plugin-context';
import { parseInput } from '../validation';

/** `POST /partners/media?use=…`: files uploaded from the plugin's admin pages. */
const createMediaController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async upload(ctx: Context) {
    const { use } = parseInput(uploadMediaQuerySchema, ctx.query);
    const media = getService('media-files', { strapi });
    ctx.status = 201;
    ctx.body = { data: await media.store(use, media.incoming(ctx)) };
  },
});

export default createMediaController;
