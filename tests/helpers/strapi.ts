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

/** How users-permissions issues portal logins (playground/config/plugins.ts). */
export interface UsersPermissionsOptions {
  /** Strapi's default `legacy-support`, or `refresh` (what create-strapi-app 5.54 writes). */
  jwtManagement?: 'legacy-support' | 'refresh';
  /** legacy-support: the JWT's lifetime (`jsonwebtoken` syntax: `'4s'`, `'30d'`). */
  jwtExpiresIn?: string;
  /** refresh: the access token's lifetime in seconds (600 by default). */
  accessTokenLifespanSeconds?: number;
  /** refresh: how long a refresh token lasts unused, in seconds (14 days by default). */
  idleRefreshTokenLifespanSeconds?: number;
  /** refresh: the refresh token in an httpOnly cookie instead of the login's answer. */
  refreshCookie?: boolean;
  /**
   * Sign-ins per minute from one IP (10 by default). The limiter's memory is shared by every app
   * one test process boots.
   */
  loginsPerMinute?: number;
}

export interface StartOptions {
  /**
   * Serve the built admin panel (playground/dist/build, see tests/helpers/admin-build.ts) for
   * browser tests; the API tests talk to the HTTP server only and need no build.
   */
  serveAdminPanel?: boolean;
  usersPermissions?: UsersPermissionsOptions;
}

/** The playground's users-permissions settings as its environment (unset: the defaults). */
const usersPermissionsEnv = (options: UsersPermissionsOptions = {}) => {
  const values: Record<string, string | number | boolean | undefined> = {
    UP_JWT_MANAGEMENT: options.jwtManagement,
    UP_JWT_EXPIRES_IN: options.jwtExpiresIn,
    UP_ACCESS_TOKEN_LIFESPAN: options.accessTokenLifespanSeconds,
    UP_IDLE_REFRESH_TOKEN_LIFESPAN: options.idleRefreshTokenLifespanSeconds,
    UP_REFRESH_COOKIE: options.refreshCookie,
    UP_LOGINS_PER_MINUTE: options.loginsPerMinute,
  };
  for (const [name, value] of Object.entries(values)) {
    // One process may boot several apps: an earlier one's settings must not leak into this one.
    if (value === undefined) delete process.env[name];
    else process.env[name] = String(value);
  }
};

/** Boots the playground Strapi, with the plugin built from this repository, on a fresh database. */
export const startStrapi = async ({
  serveAdminPanel = false,
  usersPermissions,
}: StartOptions = {}): Promise<TestApp> => {
  const database = currentDatabase();
  usersPermissionsEnv(usersPermissions);
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
