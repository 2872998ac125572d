import { adminToken } from './admin';
import { createApiToken } from './fixtures';
import { startSmtpServer, type TestSmtpServer } from './smtp';
import { startStrapi, type TestApp } from './strapi';

export interface TestAppOptions {
  /** Start an SMTP server first (read with `smtp()`), Strapi's mails go to it (`SMTP_PORT`). */
  smtp?: boolean;
  /** Create a full-access content API token, read with `apiToken()`. */
  apiToken?: boolean;
  /** Sign in the super admin, its JWT read with `admin()`. */
  admin?: boolean;
}

/**
 * One Strapi for the test file: boots it in `beforeAll` (after the SMTP server, then makes the
 * tokens asked for) and stops both in `afterAll`. `app` stands for the booted Strapi from then on
 * (also in the file's own later `beforeAll` hooks); the getters read the tokens and the server.
 */
export const useTestApp = (options: TestAppOptions = {}) => {
  let started: TestApp | undefined;
  let apiToken = '';
  let admin = '';
  let smtp: TestSmtpServer | undefined;

  beforeAll(async () => {
    if (options.smtp) {
      smtp = await startSmtpServer();
      process.env.SMTP_PORT = String(smtp.port);
    }
    started = await startStrapi();
    if (options.apiToken) apiToken = await createApiToken(started.strapi);
    if (options.admin) admin = await adminToken(started, 'strapi-super-admin');
  });

  afterAll(async () => {
    await started?.stop();
    await smtp?.close();
  });

  const current = () => {
    if (!started) throw new Error('useTestApp: Strapi has not started yet');
    return started;
  };
  const app: TestApp = {
    get strapi() {
      return current().strapi;
    },
    get database() {
      return current().database;
    },
    request: () => current().request(),
    stop: () => current().stop(),
  };
  const smtpServer = () => {
    if (!smtp) throw new Error('useTestApp: no SMTP server (option smtp) has started');
    return smtp;
  };
  return { app, apiToken: () => apiToken, admin: () => admin, smtp: smtpServer };
};
