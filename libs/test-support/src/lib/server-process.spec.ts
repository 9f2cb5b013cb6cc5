import { freePort } from './free-port';
import { ServerProcess, type ServerProcessOptions } from './server-process';

/** A Node HTTP server on PORT that answers every request with its own environment. */
const ENV_SERVER = `
  require('node:http')
    .createServer((request, response) => response.end(JSON.stringify(process.env)))
    .listen(Number(process.env.PORT), '127.0.0.1');
`;

async function node(script: string, options: Partial<ServerProcessOptions> = {}) {
  return {
    command: process.execPath,
    args: ['-e', script],
    port: await freePort(),
    readyPath: '/',
    ...options,
  };
}

describe('ServerProcess', () => {
  const started: ServerProcess[] = [];
  afterEach(() => Promise.all(started.splice(0).map((server) => server.stop('SIGKILL'))));
  const track = (server: ServerProcess) => (started.push(server), server);

  it('resolves once the server answers, on the port it was given', async () => {
    const options = await node(ENV_SERVER);
    const server = track(await ServerProcess.start(options));
    expect(server.url).toBe(`http://127.0.0.1:${options.port}`);
    expect((await fetch(server.url)).status).toBe(200);
  });

  it("passes PATH, PORT and the given variables, nothing of the runner's own", async () => {
    const server = track(await ServerProcess.start(await node(ENV_SERVER, { env: { A: '1' } })));
    const env = (await (await fetch(server.url)).json()) as Record<string, string>;
    expect(env).toMatchObject({ A: '1', PORT: String(server.port), PATH: process.env['PATH'] });
    expect(process.env['JEST_WORKER_ID']).toBeDefined();
    expect(env['JEST_WORKER_ID']).toBeUndefined();
  });

  it('rejects with what the process wrote to stderr when it exits at start', async () => {
    const options = await node(`console.error('no config'); process.exit(3)`, { name: 'demo' });
    await expect(ServerProcess.start(options)).rejects.toThrow(
      /^demo exited at start \(code 3\):\nno config/,
    );
  });

  it('rejects, and stops the process, when it never serves in time', async () => {
    const options = await node('setInterval(() => undefined, 1000)', { startTimeoutMs: 200 });
    await expect(ServerProcess.start(options)).rejects.toThrow(/did not serve \/ within 200 ms/);
  });

  it('rejects when the program cannot be started', async () => {
    await expect(
      ServerProcess.spawn({ command: '/nonexistent/server', port: 1, readyPath: '/' }),
    ).rejects.toThrow(/ENOENT/);
  });

  it('stops with SIGTERM and reports how the process ended', async () => {
    const server = await ServerProcess.start(await node(ENV_SERVER));
    expect(await server.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await server.stop()).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('sends SIGKILL to a process that ignores SIGTERM past the grace period', async () => {
    const stubborn = `process.on('SIGTERM', () => undefined); ${ENV_SERVER}`;
    const server = await ServerProcess.start(await node(stubborn, { killAfterMs: 100 }));
    expect(await server.stop()).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('runs the cleanup once, after the process has exited', async () => {
    let exitedFirst: boolean | undefined;
    let cleanups = 0;
    const server: ServerProcess = await ServerProcess.start(
      await node(ENV_SERVER, {
        cleanup: () => {
          cleanups += 1;
          exitedFirst = Boolean(server.pid) && !isAlive(server.pid);
        },
      }),
    );
    await server.stop();
    await server.stop();
    expect(cleanups).toBe(1);
    expect(exitedFirst).toBe(true);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
