const { availableParallelism } = require('node:os');
const { requestedDatabasesFromEnv } = require('./tests/helpers/requested-databases');

const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
};

const common = { testEnvironment: 'node', transform, rootDir: __dirname };

/** The host app made with create-strapi-app (tests/host-app): in CI, or asked for. */
const hostApp = process.env.CI === 'true' || process.env.PARTNERS_HOST_APP === '1';

/**
 * One "unit" project, the browser tests, the API suites once per requested database
 * (PARTNERS_TEST_DATABASES), and in CI the host app.
 */
module.exports = {
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    // The tracker in headless Chromium (tests/e2e): once, on SQLite.
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    ...requestedDatabasesFromEnv().map((database) => ({
      ...common,
      displayName: `api:${database}`,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      globals: { PARTNERS_TEST_DB: database },
      slowTestThreshold: 60,
    })),
    ...(hostApp
      ? [
          {
            ...common,
            displayName: 'host-app',
            testMatch: ['<rootDir>/tests/host-app/**/*.test.ts'],
          },
        ]
      : []),
  ],
  // Suites spend much of their time waiting on Strapi's boot and the databases, so two run at
  // once even on a two-core machine (each has its own scratch database and ports).
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
};
