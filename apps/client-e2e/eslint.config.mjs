import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // A project's config extends the workspace's by path; that is not a cross-project import.
    files: ['**/eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
