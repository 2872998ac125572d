import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { updateSettingsRequestSchema } from '../../../../plugin/contracts/admin';
import { getService } from '../plugin-context';
import { parseInput } from '../validation';

/** `/partners/settings` (settings.manage). */
const createSettingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService('settings', { strapi }).view(), meta: {} };
  },

  async update(ctx: Context) {
    const { data } = parseInput(updateSettingsRequestSchema, ctx.request.body);
    ctx.body = { data: await getService('settings', { strapi }).update(data), meta: {} };
  },
});

export default createSettingsController;
