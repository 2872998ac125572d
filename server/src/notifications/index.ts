import emailTemplatesController from './controllers/email-templates';
import emailTemplates from './email-templates';
import notifications from './notifications';
import { adminRoutes, contentApiRoutes } from './routes';

/** Notifications and their e-mail templates. */
export const services = {
  'email-templates': emailTemplates,
  notifications,
};

export const controllers = {
  'email-templates': emailTemplatesController,
};

export const routes = { admin: adminRoutes, contentApi: contentApiRoutes };
