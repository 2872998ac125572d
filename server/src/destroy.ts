import type { Core } from '@strapi/strapi';
import { getService } from './platform/plugin-context';
import { closeRateLimits } from './platform/rate-limit';

/**
 * `strapi.destroy()`: clicks still queued for the database are written before it closes, and the
 * rate limits' Redis connection (if any) is closed, and the settings are no longer re-read.
 */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService('settings', { strapi }).close();
  await getService('tracking', { strapi }).close();
  await closeRateLimits(strapi);
};

export default destroy;
