import { extname, join } from 'node:path';

/**
 * How to start one of the bench's own scripts in a new process: the compiled .js when the
 * bench runs from dist/, or the .ts through ts-node when it runs from source (Jest).
 */
export function scriptCommand(name: 'worker' | 'baseline-server' | 'flood-decoy'): {
  file: string;
  execArgv: string[];
  env: NodeJS.ProcessEnv;
} {
  const ext = extname(__filename);
  const file = join(__dirname, `${name}${ext}`);
  if (ext !== '.ts') return { file, execArgv: [], env: {} };
  return {
    file,
    execArgv: ['-r', require.resolve('ts-node/register/transpile-only')],
    env: {
      TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.spec.json'),
      // Nx's Jest target sets moduleResolution node10 here for Jest's own ts-node; TypeScript 6
      // rejects that override, so the scripts compile with the spec tsconfig alone (unset).
      TS_NODE_COMPILER_OPTIONS: undefined,
    },
  };
}
