module.exports = {
  displayName: 'shared-events',
  preset: '../../jest.preset.cjs',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  coverageDirectory: '../../coverage/libs/shared-events',
};
