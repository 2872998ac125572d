import type { Core } from '@strapi/strapi';
import { getService } from './platform/plugin-context';

/** `strapi.destroy()`: clicks still queued for the database are written before it closes. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('tracking', { strapi }).close();
};

export default destroy;
