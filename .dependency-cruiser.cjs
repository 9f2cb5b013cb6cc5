/**
 * Import rules for the API: `npx depcruise apps/api/src --config .dependency-cruiser.cjs`
 * exits non-zero on any violation. The folders of apps/api/src are its architecture (README,
 * "Architecture"), so they must form layers: no folder may depend on one that depends back on it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment:
        'Two folders of apps/api/src import each other, directly or through others: move the ' +
        'shared piece to the folder both may depend on, or turn the dependency around.',
      scope: 'folder',
      from: { path: '^apps/api/src/' },
      to: { circular: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A module imports itself through others: Nest and the ESM loader then see half-built exports.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies of the design too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
