// Settings every project's Jest config starts from.
const { join } = require('node:path');

module.exports = {
  testMatch: ['**/?(*.)+(spec|test).[jt]s?(x)'],
  resolver: '@nx/jest/plugins/resolver',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'html'],
  coverageReporters: ['text-summary', 'html'],
  testEnvironment: 'node',
  reporters: ['default', join(__dirname, 'tools/jest/summary-reporter.cjs')],
};
