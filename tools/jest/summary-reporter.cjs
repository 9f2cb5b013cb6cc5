// Appends one JSON line per Jest run ({ project, passed, failed }) to $TEST_SUMMARY_FILE,
// so .ci/run can print a single total over every project's suites.
const { appendFileSync } = require('node:fs');

// Jest's own types: @jest/reporters re-exports the config and result types it hands reporters.
/** @typedef {import('@jest/reporters').Reporter} Reporter */
/** @typedef {import('@jest/reporters').Config.GlobalConfig} GlobalConfig */
/** @typedef {import('@jest/reporters').TestContext} TestContext */
/** @typedef {import('@jest/reporters').AggregatedResult} AggregatedResult */

/** @implements {Reporter} */
class SummaryReporter {
  /** @param {GlobalConfig} globalConfig */
  constructor(globalConfig) {
    this.name = globalConfig.rootDir;
  }

  /**
   * @param {Set<TestContext>} _contexts
   * @param {AggregatedResult} results
   */
  onRunComplete(_contexts, results) {
    const file = process.env.TEST_SUMMARY_FILE;
    if (!file) return;
    // A suite that could not run (syntax error, failing hook) counts as a failure of its own.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = { project: this.name, passed: results.numPassedTests, failed };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}

module.exports = SummaryReporter;
