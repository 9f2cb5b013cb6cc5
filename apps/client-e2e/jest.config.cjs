// Browser tests against the production server (`dist/apps/api/main.js` serving `dist/apps/client`).
module.exports = {
  displayName: 'client-e2e',
  preset: '../../jest.preset.cjs',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // Starting Chromium and restarting the server take seconds on a 2-core machine.
  testTimeout: 120_000,
};
