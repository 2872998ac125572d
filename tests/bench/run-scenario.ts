import { runLoad, type LoadResult } from './load';
import type { BenchApp, Scenario, Workload } from './types';

export interface BenchSettings {
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface StoredCheck {
  label: string;
  stored: number;
  expected: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  workload: Workload;
  /** The measured load, without the warm-up; none when the warm-up already failed. */
  load?: LoadResult;
  /** SQL statements per request during the measured load (transaction control included). */
  queriesPerRequest?: number;
  /** Every failed request of the scenario, warm-up included. */
  failed: number;
  firstFailure?: string;
  stored: StoredCheck[];
}

const countStored = (workload: Workload) =>
  Promise.all((workload.stored ?? []).map((rows) => rows.count()));

/** One request before any load: a scenario that answers wrongly would measure only its errors. */
const sendOne = async (workload: Workload, app: BenchApp, n: number) => {
  const path = workload.pathOf ? workload.pathOf(n) : workload.path;
  const response = await fetch((workload.origin ?? app.origin) + path, {
    method: workload.method,
    headers: { ...app.headers, ...workload.headers },
    redirect: 'manual',
    body: workload.body ? JSON.stringify(workload.body(n)) : undefined,
  });
  const text = await response.text();
  if (response.status !== workload.expectedStatus) {
    throw new Error(
      `${workload.method} ${path} answered ${response.status}, expected ` +
        `${workload.expectedStatus}: ${text.slice(0, 500)}`
    );
  }
  workload.check?.(text ? JSON.parse(text) : undefined);
};

/**
 * Prepares the scenario, checks one request, warms up for `warmupSeconds`, then sends as many
 * requests as the warm-up's rate serves in `seconds`, and compares the rows stored with the
 * successful requests.
 */
export const runScenario = async (
  scenario: Scenario,
  app: BenchApp,
  settings: BenchSettings
): Promise<ScenarioResult> => {
  const workload = await scenario.prepare(app);
  try {
    return await measure(scenario, workload, app, settings);
  } finally {
    await workload.close?.();
  }
};

const measure = async (
  scenario: Scenario,
  workload: Workload,
  app: BenchApp,
  settings: BenchSettings
): Promise<ScenarioResult> => {
  const before = await countStored(workload);
  const sequence = { next: 0 };
  await sendOne(workload, app, sequence.next++);

  const { connections } = settings;
  const load = (amount: number, seconds: number) =>
    runLoad(workload, {
      origin: workload.origin ?? app.origin,
      headers: { ...app.headers, ...workload.headers },
      connections,
      amount: Math.max(connections, amount),
      maxSeconds: 4 * seconds + 30,
      sequence,
    });

  let succeeded = 1;
  let failed = 0;
  let firstFailure: string | undefined;
  const tally = (result: LoadResult) => {
    succeeded += result.succeeded;
    failed += result.failed;
    firstFailure ??= result.firstFailure;
    return result;
  };

  // Half-second rounds, each sized by the rate of the one before. The first rounds run cold, so
  // the measured load is sized by the best rate.
  let rate = connections * 20;
  let bestRate = 0;
  const warmupEnds = performance.now() + settings.warmupSeconds * 1000;
  do {
    rate = tally(await load(Math.round(rate / 2), 0.5)).requestsPerSecond;
    bestRate = Math.max(bestRate, rate);
  } while (performance.now() < warmupEnds && !failed);
  let measured: LoadResult | undefined;
  let queries = 0;
  const countQuery = () => (queries += 1);
  if (!failed) {
    app.strapi.db.connection.on('query', countQuery);
    try {
      measured = tally(await load(Math.round(bestRate * settings.seconds), settings.seconds));
    } finally {
      app.strapi.db.connection.off('query', countQuery);
    }
  }

  const after = await countStored(workload);
  return {
    scenario,
    workload,
    load: measured,
    queriesPerRequest: measured && queries / (measured.succeeded + measured.failed || 1),
    failed,
    firstFailure,
    stored: (workload.stored ?? []).map((rows, index) => ({
      label: rows.label,
      stored: after[index] - before[index],
      expected: succeeded * rows.perRequest,
    })),
  };
};
