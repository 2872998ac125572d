const path = require('node:path');
const { requestedDatabasesFromEnv } = require('./requested-databases');

const SLOWEST = 10;

/**
 * Prints the slowest suites (where a long CI run spends its time), which databases the API suites
 * ran on, and one plain closing line ("N passed, N failed, N skipped") after jest's own summary,
 * so a CI log says all three at a glance.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const slowest = results.testResults
      .map((suite) => ({
        path: path.relative(process.cwd(), suite.testFilePath),
        project: suite.displayName?.name ?? '',
        seconds: (suite.perfStats.end - suite.perfStats.start) / 1000,
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, SLOWEST);
    process.stdout.write('\nSlowest suites:\n');
    for (const suite of slowest) {
      process.stdout.write(
        `  ${suite.seconds.toFixed(1).padStart(7)} s  ${suite.project}  ${suite.path}\n`
      );
    }
    process.stdout.write(`\nAPI suites ran on: ${requestedDatabasesFromEnv().join(', ')}\n`);
    process.stdout.write(
      `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`
    );
  }
}

module.exports = SummaryReporter;
