module.exports = {
  displayName: 'bench',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // The smoke test boots two servers and two worker processes.
  testTimeout: 120000,
  coverageDirectory: '../../coverage/tools/bench',
};
