import type { Core } from '@strapi/strapi';
import { getService } from './platform/plugin-context';
import { registerDirectoryPage } from './directory/directory-page';
import { registerPortal } from './portal/serve-portal';
import { registerShortLinkRoute } from './attribution/short-link';
import { lowerStoredLinkCodes } from './attribution/link-codes';
import { openRateLimits } from './platform/rate-limit';
import { registerReferralEvents } from './attribution/referral-events';
import { stampRawUpdates } from './analytics/rollups';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('partner-role', { strapi }).ensure();
  await getService('admin-roles', { strapi }).bootstrap();
  await getService('settings', { strapi }).load();
  await lowerStoredLinkCodes(strapi);
  await openRateLimits(strapi);
  getService('jobs', { strapi }).schedule();
  await getService('listings', { strapi }).migrateDirectoryFlag();
  registerShortLinkRoute({ strapi });
  registerDirectoryPage({ strapi });
  registerPortal({ strapi });
  registerReferralEvents(strapi);
  stampRawUpdates(strapi);
};

export default bootstrap;
