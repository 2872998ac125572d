import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAYGROUND_DIR, PLAYGROUND_DIST_DIR } from './strapi';

const PLUGIN_ADMIN_DIR = join(__dirname, '..', '..', 'dist', 'admin');
export const ADMIN_BUILD_DIR = join(PLAYGROUND_DIST_DIR, 'build');
const STAMP = join(ADMIN_BUILD_DIR, '.partners-admin.sha256');
/** The browser test that needs the build. */
export const ADMIN_TEST = join(__dirname, '..', 'e2e', 'admin.test.ts');

/** A digest of the plugin's built admin bundle (`npm run build` writes it to dist/admin). */
const pluginAdminDigest = () => {
  if (!existsSync(PLUGIN_ADMIN_DIR)) {
    throw new Error('dist/admin is missing: run `npm run build` before the admin browser tests');
  }
  const hash = createHash('sha256');
  // The bundles only: declarations (src/) do not reach the browser.
  const bundles = readdirSync(PLUGIN_ADMIN_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  for (const name of bundles) {
    hash.update(name);
    hash.update(readFileSync(join(PLUGIN_ADMIN_DIR, name)));
  }
  return hash.digest('hex');
};

/**
 * Builds the playground's admin panel (`strapi build`, a minute or more) unless the build there
 * was made from the same plugin bundle. A fresh clone builds once; later runs reuse it until the
 * plugin's admin code changes.
 */
export const ensureAdminBuild = () => {
  const digest = pluginAdminDigest();
  if (existsSync(join(ADMIN_BUILD_DIR, 'index.html')) && existsSync(STAMP)) {
    if (readFileSync(STAMP, 'utf8') === digest) return { built: false };
  }
  const result = spawnSync('npx', ['strapi', 'build'], {
    cwd: PLAYGROUND_DIR,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 || !existsSync(join(ADMIN_BUILD_DIR, 'index.html'))) {
    throw new Error(`strapi build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  writeFileSync(STAMP, digest);
  return { built: true };
};
