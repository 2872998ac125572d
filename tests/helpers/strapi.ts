import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import supertest from 'supertest';
import { createScratchDatabase, type TestDatabase } from './databases';

export const PLAYGROUND_DIR = join(__dirname, '..', '..', 'playground');
/** The compiled playground (tests/helpers/global-setup.ts compiles it once per run). */
export const PLAYGROUND_DIST_DIR = join(PLAYGROUND_DIR, 'dist');

declare global {
  // Set per jest project (see jest.config.js): which database this run of the API suites uses.
  var PARTNERS_TEST_DB: TestDatabase | undefined;
}

export const currentDatabase = (): TestDatabase => globalThis.PARTNERS_TEST_DB ?? 'sqlite';

const secret = () => randomBytes(16).toString('base64');

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  request: () => supertest.Agent;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Serve the built admin panel (playground/dist/build, see tests/helpers/admin-build.ts) for
   * browser tests; the API tests talk to the HTTP server only and need no build.
   */
  serveAdminPanel?: boolean;
}

/** Boots the playground Strapi, with the plugin built from this repository, on a fresh database. */
export const startStrapi = async ({
  serveAdminPanel = false,
}: StartOptions = {}): Promise<TestApp> => {
  const database = currentDatabase();
  const scratch = await createScratchDatabase(database);
  Object.assign(process.env, scratch.env, {
    NODE_ENV: 'test',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    JWT_SECRET: secret(),
    PARTNERS_IP_SALT: secret(),
    PARTNERS_JOBS: 'false',
  });

  const strapi = await createStrapi({
    appDir: PLAYGROUND_DIR,
    distDir: PLAYGROUND_DIST_DIR,
    autoReload: false,
    serveAdminPanel,
  }).load();
  strapi.server.mount();

  return {
    strapi,
    database,
    request: () => supertest.agent(strapi.server.httpServer),
    async stop() {
      await strapi.destroy();
      await scratch.drop();
    },
  };
};
