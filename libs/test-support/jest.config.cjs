module.exports = {
  displayName: 'test-support',
  preset: '../../jest.preset.cjs',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  coverageDirectory: '../../coverage/libs/test-support',
};
