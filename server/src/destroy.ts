import type { Core } from '@strapi/strapi';
import { getService } from './platform/plugin-context';
import { finishAfterCommitWork } from './platform/events';
import { closeRateLimits } from './platform/rate-limit';

/**
 * `strapi.destroy()`, before the database closes: the settings are no longer re-read, work still
 * running after a commit (events, webhooks, e-mails) finishes, clicks still queued are written,
 * and the rate limits' Redis connection (if any) is closed.
 */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService('settings', { strapi }).close();
  await finishAfterCommitWork(strapi);
  await getService('tracking', { strapi }).close();
  await closeRateLimits(strapi);
};

export default destroy;
