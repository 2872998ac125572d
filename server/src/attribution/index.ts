import attribution from './attribution';
import linksController from './controllers/links';
import trackingController from './controllers/tracking';
import linkDirectory from './link-directory';
import links from './links';
import partnerLinks from './partner-links';
import partnerReferrals from './partner-referrals';
import { earlyRedirect } from './redirect';
import { adminRoutes, contentApiRoutes } from './routes';
import tracking from './tracking';

/** Attribution: clicks, links and their redirects, the tracker, leads and referrals. */
export const services = {
  attribution,
  'link-directory': linkDirectory,
  links,
  'partner-links': partnerLinks,
  'partner-referrals': partnerReferrals,
  tracking,
};

export const controllers = {
  links: linksController,
  tracking: trackingController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };

export const middlewares = { redirect: earlyRedirect };
