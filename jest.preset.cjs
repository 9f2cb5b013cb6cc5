// Settings every project's Jest config starts from.
module.exports = {
  testMatch: ['**/?(*.)+(spec|test).[jt]s?(x)'],
  resolver: '@nx/jest/plugins/resolver',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'html'],
  coverageReporters: ['text-summary', 'html'],
  testEnvironment: 'node',
};
