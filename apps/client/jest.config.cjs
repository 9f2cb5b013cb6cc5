module.exports = {
  displayName: 'client',
  preset: '../../jest.preset.cjs',
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup.ts'],
  moduleNameMapper: { '\\.css$': 'identity-obj-proxy' },
  coverageDirectory: '../../coverage/apps/client',
};
