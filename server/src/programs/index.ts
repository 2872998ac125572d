import assets from './assets';
import assetsController from './controllers/assets';
import programsController from './controllers/programs';
import partnerAssets from './partner-assets';
import programAgreements from './program-agreements';
import programs from './programs';
import { adminRoutes, contentApiRoutes } from './routes';

/** Programs and their marketing assets. */
export const services = {
  assets,
  'partner-assets': partnerAssets,
  'program-agreements': programAgreements,
  programs,
};

export const controllers = {
  assets: assetsController,
  programs: programsController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
