/**
 * Prints one plain closing line ("N passed, N failed, N skipped") after jest's own summary, and
 * which databases the API suites ran on, so a CI log says both at a glance.
 */
const { requestedDatabasesFromEnv } = require('./requested-databases');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\nAPI suites ran on: ${requestedDatabasesFromEnv().join(', ')}\n`);
    process.stdout.write(
      `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`
    );
  }
}

module.exports = SummaryReporter;
