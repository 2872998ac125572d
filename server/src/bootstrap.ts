import type { Core } from '@strapi/strapi';
import { getService } from './plugin-context';
import { registerShortLinkRoute } from './routes/short-link';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('partner-role', { strapi }).ensure();
  await getService('admin-roles', { strapi }).bootstrap();
  await getService('settings', { strapi }).load();
  getService('jobs', { strapi }).schedule();
  registerShortLinkRoute({ strapi });
};

export default bootstrap;
