import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { ServerProcess } from './server-process';
import { workspaceRoot } from './workspace-root';

export interface BuiltApiOptions {
  /** Settings on top of the defaults (loopback, LOG_LEVEL=warn, the built UI); these win. */
  env?: Record<string, string | undefined>;
  /** A free port unless given (a restart passes the previous instance's to take its place). */
  port?: number;
  /** A temp directory of its own unless given, removed by `stop`. */
  dataDir?: string;
  /** The built entry point (default dist/apps/api/main.js in the workspace). */
  entry?: string;
  /** Node flags before the entry, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Pass its stdout and stderr through (its log lines show beside the test's). */
  echo?: boolean;
}

/**
 * The production server as `npm start` runs it (`node dist/apps/api/main.js`), in a process of
 * its own on a loopback port; started without waiting for it to serve (to watch it fail at start).
 */
export async function spawnBuiltApi(options: BuiltApiOptions = {}): Promise<ServerProcess> {
  const root = workspaceRoot();
  const entry = options.entry ?? join(root, 'dist/apps/api/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npx nx build api\` first`);
  const port = options.port ?? (await freePort());
  const ownDataDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'live-api-'));
  const removeOwnDataDir = () => {
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };
  return ServerProcess.spawn({
    command: process.execPath,
    name: 'the API',
    args: [...(options.nodeArgs ?? []), entry],
    env: {
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir ?? ownDataDir,
      LOG_LEVEL: 'warn',
      CLIENT_DIR: join(root, 'dist/apps/client'),
      ...options.env,
    },
    port,
    // It listens only once its store is open, so answering at all means ready.
    readyPath: '/health/live',
    echo: options.echo,
    cleanup: removeOwnDataDir,
  }).catch((error: unknown) => {
    removeOwnDataDir();
    throw error;
  });
}

/** `spawnBuiltApi`, resolving once the server serves (GET /health/live answers 200). */
export async function startBuiltApi(options: BuiltApiOptions = {}): Promise<ServerProcess> {
  return (await spawnBuiltApi(options)).serving();
}
