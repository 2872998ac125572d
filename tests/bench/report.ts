import type { ScenarioResult } from './run-scenario';

const COLUMNS = [
  'requests/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'requests',
  'seconds',
  'failed',
  'queries/request',
];

const row = (cells: string[]) =>
  cells.map((cell, index) => cell.padStart(COLUMNS[index].length + 2)).join('');

const storedLine = ({ label, stored, expected }: ScenarioResult['stored'][number]) =>
  `${stored} ${label} stored, ${expected} expected ${stored === expected ? '(ok)' : '(MISMATCH)'}`;

export const isClean = (result: ScenarioResult) =>
  !result.failed && !!result.load && result.stored.every((rows) => rows.stored === rows.expected);

/** A small table for one scenario, and whether what it stored matches what succeeded. */
export const formatScenario = (result: ScenarioResult): string => {
  const { scenario, workload, load } = result;
  const lines = [`\n${scenario.title} (${workload.method} ${workload.path})`];
  if (load) {
    lines.push(
      row(COLUMNS),
      row([
        load.requestsPerSecond.toFixed(1),
        ...[load.latencyMs.p50, load.latencyMs.p95, load.latencyMs.p99].map((ms) => ms.toFixed(1)),
        String(load.succeeded + load.failed),
        load.seconds.toFixed(1),
        String(load.failed),
        (result.queriesPerRequest ?? 0).toFixed(1),
      ])
    );
    const warmupFailed = result.failed - load.failed;
    if (warmupFailed) lines.push(`  ${warmupFailed} failed during the warm-up`);
  } else {
    lines.push('  not measured: the warm-up failed');
  }
  lines.push(...result.stored.map((rows) => `  ${storedLine(rows)}`));
  if (result.firstFailure) lines.push(`  first failure: ${result.firstFailure}`);
  return lines.join('\n');
};

/** One line per goal of SPEC §12: the scenario's throughput as a ratio to its baseline's. */
export const formatGoals = (results: ScenarioResult[]): string[] =>
  results.flatMap(({ scenario, load, queriesPerRequest }) => {
    const aim =
      scenario.aim && results.find((other) => other.scenario.name === scenario.aim?.baseline);
    const aimLines =
      scenario.aim && aim?.load && load
        ? [
            `${scenario.title} / ${aim.scenario.title}: ` +
              `${(load.requestsPerSecond / aim.load.requestsPerSecond).toFixed(2)} ` +
              `(aim >= ${scenario.aim.atLeast})`,
          ]
        : [];
    const baseline = results.find((other) => other.scenario.name === scenario.goal?.baseline);
    if (!scenario.goal || !baseline) return aimLines;
    const label = `${scenario.title} / ${baseline.scenario.title}`;
    const goal = `(goal >= ${scenario.goal.atLeast})`;
    if (!load || !baseline.load) return [`${label}: not measured ${goal}`, ...aimLines];
    const ratio = load.requestsPerSecond / baseline.load.requestsPerSecond;
    const lines = [
      `${label}: ${ratio.toFixed(2)} ${goal}${ratio < scenario.goal.atLeast ? ' BELOW GOAL' : ''}`,
    ];
    const most = scenario.goal.queriesAtMost;
    if (most !== undefined && queriesPerRequest !== undefined) {
      const over = queriesPerRequest > most ? ' ABOVE GOAL' : '';
      lines.push(
        `${scenario.title}: ${queriesPerRequest.toFixed(1)} queries each (goal <= ${most})${over}`
      );
    }
    return [...lines, ...aimLines];
  });
