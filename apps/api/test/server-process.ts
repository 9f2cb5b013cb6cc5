import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { sleep } from './harness';

// These tests run the built server (`nx test api` builds it first) as a real process.
export const MAIN = resolve('dist/apps/api/main.js');

export const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

export interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built server on `env.PORT` (a free port if unset) without waiting for it. */
export async function run(env: Record<string, string>): Promise<Started> {
  const port = env['PORT'] ? Number(env['PORT']) : await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Starts the built server and resolves once `/health` answers 200. */
export async function runUntilReady(env: Record<string, string>): Promise<Started> {
  const started = await run(env);
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${started.url}/health`)).ok) return started;
    } catch {
      // not listening yet
    }
    if (started.child.exitCode !== null) break;
    await sleep(50);
  }
  started.child.kill('SIGKILL');
  throw new Error(`server did not start:\n${started.output()}`);
}
