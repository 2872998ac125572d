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
  /** Every failed request of the scenario, warm-up included. */
  failed: number;
  firstFailure?: string;
  stored: StoredCheck[];
}

const countStored = (workload: Workload) =>
  Promise.all((workload.stored ?? []).map((rows) => rows.count()));

/** One request before any load: a scenario that answers wrongly would measure only its errors. */
const sendOne = async (workload: Workload, app: BenchApp, n: number) => {
  const response = await fetch(app.origin + workload.path, {
    method: workload.method,
    headers: app.headers,
    body: workload.body ? JSON.stringify(workload.body(n)) : undefined,
  });
  const text = await response.text();
  if (response.status !== workload.expectedStatus) {
    throw new Error(
      `${workload.method} ${workload.path} answered ${response.status}, expected ` +
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
  const before = await countStored(workload);
  const sequence = { next: 0 };
  await sendOne(workload, app, sequence.next++);

  const { connections } = settings;
  const load = (amount: number, seconds: number) =>
    runLoad(workload, {
      origin: app.origin,
      headers: app.headers,
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

  // Half-second rounds, each sized by the rate of the one before.
  let rate = connections * 20;
  const warmupEnds = performance.now() + settings.warmupSeconds * 1000;
  while (performance.now() < warmupEnds && !failed) {
    rate = tally(await load(Math.round(rate / 2), 0.5)).requestsPerSecond;
  }
  const measured = failed
    ? undefined
    : tally(await load(Math.round(rate * settings.seconds), settings.seconds));

  const after = await countStored(workload);
  return {
    scenario,
    workload,
    load: measured,
    failed,
    firstFailure,
    stored: (workload.stored ?? []).map((rows, index) => ({
      label: rows.label,
      stored: after[index] - before[index],
      expected: succeeded * rows.perRequest,
    })),
  };
};
