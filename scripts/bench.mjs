#!/usr/bin/env node
/**
 * `npm run bench`: builds the plugin, then runs tests/bench/run.ts, which boots the playground
 * on a fresh database and prints each scenario's throughput and the SPEC §12 ratios. The bench
 * is TypeScript so that it boots Strapi the way the API tests do (tests/helpers); it is compiled
 * on require with @swc/core, with the options jest uses. Settings: see tests/bench/run.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pluginBin = join(
  dirname(require.resolve('@strapi/sdk-plugin/package.json')),
  'bin',
  'strapi-plugin.js'
);

console.log('Building the plugin');
const build = spawnSync(process.execPath, [pluginBin, 'build', '--silent'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const { transformSync } = require('@swc/core');
const swcOptions = {
  jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
require.extensions['.ts'] = (module, filename) => {
  if (filename.includes(`${sep}node_modules${sep}`)) {
    throw new Error(`${filename}: only this repository's TypeScript is compiled on require`);
  }
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};

const { main } = require('../tests/bench/run.ts');
try {
  process.exit(await main());
} catch (error) {
  console.error(error);
  process.exit(1);
}
