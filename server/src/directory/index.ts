import directoryController from './controllers/directory';
import listingsController from './controllers/listings';
import listingViews from './listing-views';
import listings from './listings';
import { adminRoutes, contentApiRoutes } from './routes';

/** The agency directory: partners' listings, their review, and the public directory. */
export const services = {
  listings,
  'listing-views': listingViews,
};

export const controllers = {
  directory: directoryController,
  listings: listingsController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
