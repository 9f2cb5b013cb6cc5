const nodeBundle = require('../../webpack.node.cjs');

module.exports = nodeBundle(__dirname, 'dist/tools/soak');
