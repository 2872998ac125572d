import portalController from './controllers/portal';
import isPartner from './is-partner';
import { adminRoutes, contentApiRoutes } from './routes';

/** The partner portal: its routes and controller, the `is-partner` scope and the portal app. */
export const services = {};

export const controllers = {
  portal: portalController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };

export const policies = {
  'is-partner': isPartner,
};
