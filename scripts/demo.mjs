#!/usr/bin/env node
/**
 * `npm run demo`: builds the plugin and the admin panel, starts the playground Strapi on SQLite
 * at http://localhost:1337 with demo data, and prints the URLs and logins. Ctrl+C stops it.
 * Re-running keeps the data (playground/.tmp/data.db) and the generated secrets (playground/.env).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const playground = join(root, 'playground');
const require = createRequire(import.meta.url);
const strapiBin = join(dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
const pluginBin = join(
  dirname(require.resolve('@strapi/sdk-plugin/package.json')),
  'bin',
  'strapi-plugin.js'
);
const viteBin = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

const port = Number(process.env.PORT || 1337);
const baseUrl = `http://localhost:${port}`;

const step = (message) => console.log(`\n▶ ${message}`);
const run = (args, cwd) => {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** Secrets for the local playground, generated once and kept (the file is git-ignored). */
const ensureEnvFile = () => {
  const file = join(playground, '.env');
  if (existsSync(file)) return;
  const secret = () => randomBytes(16).toString('base64');
  const lines = [
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `PARTNERS_IP_SALT=${secret()}`,
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
};

const newestMtime = (dir) => {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
};

const waitForHealth = async (child) => {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) process.exit(child.exitCode);
    try {
      const res = await fetch(`${baseUrl}/api/partners/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Strapi did not answer on ${baseUrl} within 3 minutes`);
};

step('Building the plugin');
run([pluginBin, 'build', '--silent'], root);
// The partner portal (dist/portal), after the plugin build that empties dist/.
run([viteBin, 'build', '--config', 'portal/vite.config.ts', '--logLevel', 'warn'], root);

ensureEnvFile();
const adminBuild = join(playground, 'dist', 'build', 'index.html');
const sources = Math.max(
  newestMtime(join(root, 'dist')),
  newestMtime(join(playground, 'src')),
  newestMtime(join(playground, 'config'))
);
if (!existsSync(adminBuild) || statSync(adminBuild).mtimeMs < sources) {
  step('Building the playground and its admin panel (about a minute)');
  run([strapiBin, 'build'], playground);
} else {
  step('Playground build is up to date');
}
const { DEMO } = require(join(playground, 'dist', 'src', 'demo-seed.js'));

step(`Starting Strapi with the plugin on SQLite at ${baseUrl}`);
const child = spawn(process.execPath, [strapiBin, 'start'], {
  cwd: playground,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_CLIENT: process.env.DATABASE_CLIENT || 'sqlite',
    NODE_ENV: 'production',
    PORT: String(port),
    PARTNERS_DEMO_SEED: 'true',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

await waitForHealth(child);
console.log(`
┌──────────────────────────────────────────────────────────────────────┐
  strapi-plugin-partners demo is running

  Admin panel     ${baseUrl}/admin
                  ${DEMO.admin.email} / ${DEMO.admin.password}
  Partners page   ${baseUrl}/admin/plugins/partners
  Partner portal  ${baseUrl}/partner-portal
  Partner login   ${DEMO.partnerLogin.email} / ${DEMO.partnerLogin.password}
                  (POST ${baseUrl}/api/auth/local)
  Health          ${baseUrl}/api/partners/health

  Data: playground/.tmp/data.db (kept between runs). Ctrl+C to stop.
└──────────────────────────────────────────────────────────────────────┘
`);
