import { join } from 'node:path';
import { compile } from '@strapi/typescript-utils';
import { ADMIN_TEST, ensureAdminBuild } from './admin-build';
import { assertReachable, requestedDatabases } from './databases';

interface RunConfig {
  selectProjects?: string[];
  testPathPattern?: string;
}

/** Whether this run includes the admin browser test (`jest`, `npm test`, or that file). */
const runsAdminTest = ({ selectProjects, testPathPattern }: RunConfig) =>
  (!selectProjects || selectProjects.includes('e2e')) &&
  (!testPathPattern || new RegExp(testPathPattern).test(ADMIN_TEST));

/**
 * Compiles the playground app once, builds its admin panel when the admin browser test runs and
 * the build is stale (before any worker boots Strapi from playground/dist), and checks that every
 * requested database answers.
 */
export default async (globalConfig: RunConfig) => {
  await compile(join(__dirname, '..', '..', 'playground'), {
    configOptions: { ignoreDiagnostics: false },
  });
  if (runsAdminTest(globalConfig)) ensureAdminBuild();
  for (const database of requestedDatabases()) await assertReachable(database);
};
