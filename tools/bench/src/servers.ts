import { resolve } from 'node:path';
import { freePort, ServerProcess, startBuiltApi } from '@live/test-support';
import type { Target } from './options';
import { scriptCommand } from './runtime';

/**
 * Raised limits: the bench measures throughput, not the limiter, and all its clients come from
 * one address (the per-address cap, connect rate and rate limits would refuse most of them).
 */
export const BENCH_LIMITS = {
  RATE_CLICK_BURST: '1000',
  RATE_CLICK_PER_SEC: '1000',
  RATE_MESSAGE_BURST: '1000',
  RATE_MESSAGE_PER_SEC: '1000',
  MAX_CONNECTIONS_PER_IP: '1000000',
  RATE_CONNECT_BURST: '1000000',
  RATE_CONNECT_PER_SEC: '1000000',
  RATE_PER_ADDRESS_FACTOR: '1000000',
  // The rooms scenario brings hundreds of rooms into memory from this one address.
  RATE_ROOM_OPEN_BURST: '1000000',
  RATE_ROOM_OPEN_PER_SEC: '1000000',
};

const running = new Set<ServerProcess>();
// Never leave a server behind, whatever ends the bench.
process.on('exit', () => {
  for (const server of running) server.kill('SIGKILL');
});

/** Kept in `running` while it runs, so the bench never exits leaving it behind. */
function tracked(server: ServerProcess): ServerProcess {
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

export interface StartOptions {
  api: string;
  profileDir?: string;
  /**
   * The project's limits: BENCH_LIMITS (the default), or the product's own for a scenario whose
   * clients come from different addresses, as people's do (the flood).
   */
  limits?: 'bench' | 'product';
  /** More settings for the project, on top of its limits (the replica scenario's Redis). */
  env?: Record<string, string>;
  /** Where the server's inspector opens when asked (SIGUSR1): a full GC can then be run in it. */
  inspectPort?: number;
}

/** One of the bench's server scripts, once `readyPath` answers. */
async function startScript(
  script: 'baseline-server' | 'flood-decoy',
  name: string,
  readyPath: string,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const { file, execArgv, env } = scriptCommand(script);
  return tracked(
    await ServerProcess.start({
      command: process.execPath,
      name,
      args: [...nodeArgs, ...execArgv, file],
      env,
      port: await freePort(),
      readyPath,
    }),
  );
}

/** The flood's decoy (flood-decoy.ts), for the attacker to flood instead of the server. */
export function startDecoy(): Promise<ServerProcess> {
  return startScript('flood-decoy', 'the flood decoy', '/');
}

/**
 * Starts the project's built API (fresh data directory, removed on stop) or the baseline, and
 * waits until it serves.
 */
export async function startServer(target: Target, options: StartOptions): Promise<ServerProcess> {
  // Both servers profiled alike, each into a folder of its own, to be compared side by side.
  const nodeArgs = [
    ...(options.profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.profileDir, target)}`]
      : []),
    ...(options.inspectPort ? [`--inspect-port=127.0.0.1:${options.inspectPort}`] : []),
  ];
  if (target === 'baseline') {
    return startScript(
      'baseline-server',
      'the baseline server',
      '/socket.io/?EIO=4&transport=polling',
      nodeArgs,
    );
  }
  return tracked(
    await startBuiltApi({
      entry: resolve(options.api),
      env: { ...(options.limits === 'product' ? {} : BENCH_LIMITS), ...options.env },
      nodeArgs,
    }),
  );
}
