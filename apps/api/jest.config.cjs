// NestJS 12 ships ES modules only, so the API's tests run in Jest's native ESM mode
// (the test target sets NODE_OPTIONS=--experimental-vm-modules).
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', useESM: true }],
  },
  testTimeout: 20000,
  coverageDirectory: '../../coverage/apps/api',
};
