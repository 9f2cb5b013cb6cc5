const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

/**
 * The bundle every Node program here is built as: CommonJS, the workspace libs inside (their
 * path aliases resolved, which tsc alone leaves as they are), node_modules external (Node 20.19+
 * can require() the ES-module-only NestJS 12 packages), with source maps.
 *
 * @param {string} projectDir the project's folder (its webpack config's `__dirname`)
 * @param {string} outputPath where the bundle goes, from the workspace root
 * @param {{ entryName: string, entryPath: string }[]} [moreEntries] programs beside `src/main.ts`
 */
module.exports = function nodeBundle(projectDir, outputPath, moreEntries = []) {
  return {
    output: { path: join(__dirname, outputPath), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: join(projectDir, 'src/main.ts'),
        additionalEntryPoints: moreEntries.map(({ entryName, entryPath }) => ({
          entryName,
          entryPath: join(projectDir, entryPath),
        })),
        tsConfig: join(projectDir, 'tsconfig.app.json'),
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: false,
        sourceMap: true,
      }),
    ],
  };
};
