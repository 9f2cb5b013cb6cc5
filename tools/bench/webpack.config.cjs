const nodeBundle = require('../../webpack.node.cjs');

// The bench and the scripts it starts in processes of their own.
module.exports = nodeBundle(__dirname, 'dist/tools/bench', [
  { entryName: 'worker', entryPath: 'src/worker.ts' },
  { entryName: 'baseline-server', entryPath: 'src/baseline-server.ts' },
  { entryName: 'flood-decoy', entryPath: 'src/flood-decoy.ts' },
]);
