import adminRoles from './admin-roles';
import healthController from './controllers/health';
import mediaController from './controllers/media';
import settingsController from './controllers/settings';
import health from './health';
import jobs from './jobs';
import mediaFiles from './media-files';
import hasAnyAdminAction from './policies/has-any-admin-action';
import isApiToken from './policies/is-api-token';
import rateLimit from './rate-limit';
import { adminRoutes, contentApiRoutes } from './routes';
import settings from './settings';

/**
 * Database access, plugin context and config, policies, the rate limit, jobs, secrets, validation,
 * admin permissions and roles, settings and health.
 */
export const services = {
  'admin-roles': adminRoles,
  health,
  jobs,
  'media-files': mediaFiles,
  settings,
};

export const controllers = {
  health: healthController,
  media: mediaController,
  settings: settingsController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };

export const policies = {
  'has-any-admin-action': hasAnyAdminAction,
  'is-api-token': isApiToken,
};

export const middlewares = {
  'rate-limit': rateLimit,
};
