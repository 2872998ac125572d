import type { Core } from '@strapi/strapi';
import { getService } from '../plugin-context';

const createHealthController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: { body: unknown }) {
    ctx.body = { data: await getService('health', { strapi }).check() };
  },
});

export default createHealthController;
