import analytics from './analytics';
import overviewController from './controllers/overview';
import overview from './overview';
import partnerStats from './partner-stats';
import rollups from './rollups';
import { adminRoutes, contentApiRoutes } from './routes';

/** Analytics: the admin overview, activation and a partner's stats. */
export const services = {
  analytics,
  overview,
  'partner-stats': partnerStats,
  rollups,
};

export const controllers = {
  overview: overviewController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
