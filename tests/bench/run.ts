import { compile } from '@strapi/typescript-utils';
import { createScratchDatabase, type TestDatabase } from '../helpers/databases';
import { requestedDatabasesFromEnv } from '../helpers/requested-databases';
import { PLAYGROUND_DIR, startStrapi, type TestApp } from '../helpers/strapi';
import { formatGoals, formatScenario, isClean } from './report';
import { runScenario, type BenchSettings, type ScenarioResult } from './run-scenario';
import { scenarios } from './scenarios';
import type { BenchApp } from './types';

/**
 * `npm run bench` (scripts/bench.mjs builds the plugin, then calls `main`): boots the
 * playground on a fresh database, listening on 127.0.0.1 only, runs every scenario of
 * ./scenarios.ts against it with autocannon, and prints each one's throughput and latency and
 * the SPEC §12 ratios. It fails when a request fails or the rows stored do not match the
 * successful requests; never because of a low ratio.
 *
 * BENCH_DATABASE       postgres, mysql or sqlite (default: PostgreSQL if it answers, else SQLite)
 * BENCH_CONNECTIONS    concurrent connections (10)
 * BENCH_WARMUP_SECONDS warm-up per scenario (3)
 * BENCH_SECONDS        measured load per scenario, about (10)
 * BENCH_SCENARIOS      only these scenarios, by name, comma-separated (all)
 */

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const chooseDatabase = async (): Promise<TestDatabase> => {
  const requested = process.env.BENCH_DATABASE;
  if (requested) {
    const [database, ...more] = requestedDatabasesFromEnv(requested);
    if (more.length) throw new Error('BENCH_DATABASE names one database');
    return database;
  }
  try {
    await (await createScratchDatabase('postgres')).drop();
    return 'postgres';
  } catch (error) {
    console.log(`PostgreSQL did not answer (${(error as Error).message}); using SQLite`);
    return 'sqlite';
  }
};

const listen = (app: TestApp): Promise<string> =>
  new Promise((resolve, reject) => {
    const server = app.strapi.server.httpServer;
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') resolve(`http://127.0.0.1:${address.port}`);
      else reject(new Error('the server has no TCP address'));
    });
  });

/** Resolves to the process exit code. */
export const main = async (): Promise<number> => {
  const settings: BenchSettings = {
    connections: numberFromEnv('BENCH_CONNECTIONS', 10),
    warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 3),
    seconds: numberFromEnv('BENCH_SECONDS', 10),
  };
  const database = await chooseDatabase();
  globalThis.PARTNERS_TEST_DB = database;
  process.env.STRAPI_LOG_LEVEL ??= 'error';

  await compile(PLAYGROUND_DIR, { configOptions: { ignoreDiagnostics: false } });
  const app = await startStrapi();
  const stopOnInterrupt = () => void app.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnInterrupt);
  try {
    const origin = await listen(app);
    const token = await app.strapi.service('admin::api-token').create({
      name: 'bench',
      type: 'full-access',
      lifespan: null,
      description: '',
    });
    const bench: BenchApp = {
      strapi: app.strapi,
      database,
      origin,
      headers: { authorization: `Bearer ${token.accessKey}`, 'content-type': 'application/json' },
    };

    console.log(
      `Strapi ${app.strapi.config.get('info.strapi')} on ${database}, ${origin}; ` +
        `${settings.connections} connections, ${settings.warmupSeconds} s warm-up and ` +
        `about ${settings.seconds} s measured per scenario`
    );
    const results: ScenarioResult[] = [];
    let timedOk = true;
    const only = process.env.BENCH_SCENARIOS?.split(',').map((name) => name.trim());
    for (const scenario of scenarios) {
      if (only && !only.includes(scenario.name)) continue;
      if ('kind' in scenario) {
        const timed = await scenario.run(bench);
        console.log([`\n${scenario.title}`, ...timed.lines].join('\n'));
        timedOk &&= timed.ok;
        continue;
      }
      const result = await runScenario(scenario, bench, settings);
      console.log(formatScenario(result));
      results.push(result);
    }

    console.log(`\nDatabase: ${database}`);
    for (const line of formatGoals(results)) console.log(line);
    return results.every(isClean) && timedOk ? 0 : 1;
  } finally {
    process.off('SIGINT', stopOnInterrupt);
    await app.stop();
  }
};
