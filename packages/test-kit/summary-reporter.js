/**
 * Ends every jest run with the plain line CI reads: `tests: N passed, N failed`.
 * A suite that fails to run at all (a syntax error, a failing beforeAll) counts as a failed test.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    console.log(`tests: ${results.numPassedTests} passed, ${failed} failed`);
  }
}

module.exports = SummaryReporter;
