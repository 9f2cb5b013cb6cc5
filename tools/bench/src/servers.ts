import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Target } from './options';
import { scriptCommand } from './runtime';

/** A server under test, running in its own process. */
export interface RunningServer {
  target: Target;
  pid: number;
  url: string;
  /** SIGTERM, then SIGKILL after a grace period; removes its data directory. */
  stop(): Promise<void>;
}

/**
 * Raised limits: the bench measures throughput, not the limiter, and all its clients come from
 * one address (the per-address connection cap would refuse all but 100).
 */
export const BENCH_LIMITS = {
  RATE_CLICK_BURST: '1000',
  RATE_CLICK_PER_SEC: '1000',
  RATE_MESSAGE_BURST: '1000',
  RATE_MESSAGE_PER_SEC: '1000',
  MAX_CONNECTIONS_PER_IP: '1000000',
};

const running = new Set<ChildProcess>();
// Never leave a server behind, whatever ends the bench.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** Resolves once the Socket.IO endpoint answers a polling handshake. */
async function waitUntilReady(
  url: string,
  child: ChildProcess,
  stderr: () => string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}: ${stderr()}`);
    const ok = await new Promise<boolean>((done) => {
      const request = get(`${url}/socket.io/?EIO=4&transport=polling`, (response) => {
        response.resume();
        done(response.statusCode === 200);
      });
      request.on('error', () => done(false));
      request.setTimeout(1000, () => request.destroy());
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`server not ready within ${timeoutMs} ms: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface StartOptions {
  api: string;
  profileDir?: string;
}

/** Starts the project's built API (fresh data directory) or the baseline, and waits until it serves. */
export async function startServer(target: Target, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let dataDir: string | undefined;
  let child: ChildProcess;
  if (target === 'project') {
    dataDir = mkdtempSync(join(tmpdir(), 'live-bench-'));
    const profile = options.profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.profileDir)}`]
      : [];
    child = spawn(process.execPath, [...profile, resolve(options.api)], {
      env: {
        ...process.env,
        ...BENCH_LIMITS,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } else {
    const { file, execArgv, env } = scriptCommand('baseline-server');
    child = spawn(process.execPath, [...execArgv, file], {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }
  running.add(child);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const { pid } = child;
  try {
    // Only a process that could not be spawned has no pid.
    if (pid === undefined) throw new Error(`the ${target} server could not be started`);
    await waitUntilReady(url, child, () => errors);
  } catch (error) {
    await stop();
    throw error;
  }
  return { target, pid, url, stop };
}
