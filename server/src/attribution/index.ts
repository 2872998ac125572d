import attribution from './attribution';
import trackingController from './controllers/tracking';
import partnerLinks from './partner-links';
import partnerReferrals from './partner-referrals';
import { adminRoutes, contentApiRoutes } from './routes';
import tracking from './tracking';

/** Attribution: clicks, links and their redirects, the tracker, leads and referrals. */
export const services = {
  attribution,
  'partner-links': partnerLinks,
  'partner-referrals': partnerReferrals,
  tracking,
};

export const controllers = {
  tracking: trackingController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
