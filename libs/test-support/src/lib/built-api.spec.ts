import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBuiltApi, startBuiltApi, type BuiltApiOptions } from './built-api';
import { freePort } from './free-port';
import type { ServerProcess } from './server-process';
import { workspaceRoot } from './workspace-root';

/**
 * Stands in for dist/apps/api/main.js: like the real server it listens on HOST:PORT and answers
 * GET /health/live with 200; there it also reports the settings it was started with.
 */
const FAKE_API = `
  require('node:http')
    .createServer((request, response) => {
      response.statusCode = request.url === '/health/live' ? 200 : 404;
      response.end(JSON.stringify({ env: process.env, argv: process.execArgv }));
    })
    .listen(Number(process.env.PORT), process.env.HOST);
`;

describe('the built API in a process', () => {
  let dir: string;
  let entry: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'built-api-spec-'));
    entry = join(dir, 'main.js');
    writeFileSync(entry, FAKE_API);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const started: ServerProcess[] = [];
  afterEach(() => Promise.all(started.splice(0).map((api) => api.stop('SIGKILL'))));
  const start = async (options: BuiltApiOptions) => {
    const api = await startBuiltApi({ entry, ...options });
    started.push(api);
    return api;
  };

  const settingsOf = async (url: string) =>
    (await (await fetch(`${url}/health/live`)).json()) as {
      env: Record<string, string>;
      argv: string[];
    };

  it('runs on loopback with warn-level logs, the built UI and a data directory it removes on stop', async () => {
    const api = await start({});
    const { env } = await settingsOf(api.url);
    expect(env).toMatchObject({
      HOST: '127.0.0.1',
      PORT: String(api.port),
      LOG_LEVEL: 'warn',
      CLIENT_DIR: join(workspaceRoot(), 'dist/apps/client'),
    });
    expect(existsSync(env['DATA_DIR'])).toBe(true);
    await api.stop();
    expect(existsSync(env['DATA_DIR'])).toBe(false);
  });

  it('takes the port, data directory, settings and Node flags it is given, and keeps that directory', async () => {
    const dataDir = mkdtempSync(join(dir, 'data-'));
    const port = await freePort();
    const api = await start({
      port,
      dataDir,
      env: { LOG_LEVEL: 'debug', RATE_CLICK_BURST: '7' },
      nodeArgs: ['--max-old-space-size=100'],
    });
    const { env, argv } = await settingsOf(api.url);
    expect(api.port).toBe(port);
    expect(env).toMatchObject({ DATA_DIR: dataDir, LOG_LEVEL: 'debug', RATE_CLICK_BURST: '7' });
    expect(argv).toEqual(['--max-old-space-size=100']);
    await api.stop();
    expect(existsSync(dataDir)).toBe(true);
  });

  it('says to build the API when the entry point is missing', async () => {
    await expect(spawnBuiltApi({ entry: join(dir, 'missing.js') })).rejects.toThrow(
      `${join(dir, 'missing.js')} is missing: run \`npx nx build api\` first`,
    );
  });
});
