module.exports = {
  displayName: 'client',
  preset: '../../jest.preset.cjs',
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: { '\\.css$': 'identity-obj-proxy' },
  coverageDirectory: '../../coverage/apps/client',
};
