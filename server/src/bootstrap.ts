import type { Core } from '@strapi/strapi';
import { getService } from './plugin-context';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('partner-role', { strapi }).ensure();
  getService('jobs', { strapi }).schedule();
};

export default bootstrap;
