import Database from 'better-sqlite3';
import { openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnBuiltApi, type ServerProcess } from '@live/test-support';
import { connected, closeClients, makeDataDir, removeDataDir, startApp } from './harness';

/** A real database file as the server leaves it, with enough messages to span many pages. */
async function databaseWithMessages(count: number): Promise<string> {
  const dir = makeDataDir();
  const server = await startApp({ DATA_DIR: dir });
  await connected(server.url);
  closeClients();
  await server.close();
  const db = new Database(join(dir, 'live.sqlite'));
  const insert = db.prepare(
    "INSERT INTO messages (room, seq, id, author, text, sent_at) VALUES ('lobby', ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      insert.run(
        i + 1,
        `m-${i}`,
        'Ada',
        `message number ${i}, of an ordinary length`,
        '2026-01-01T00:00:00.000Z',
      );
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return dir;
}

const PAGE_SIZE = 4096;

/** Writes garbage over `pages` pages from `at` (a page number), as a failing disk might. */
function corruptPages(file: string, at: number, pages: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pages * PAGE_SIZE, 0xa5), 0, pages * PAGE_SIZE, at * PAGE_SIZE);
  closeSync(fd);
}

const pageCount = (file: string) => Math.floor(statSync(file).size / PAGE_SIZE);

/** Garbage over 4 pages in the middle of the file, far past its first (schema) pages. */
function corruptMiddlePages(file: string): void {
  const middle = Math.floor(pageCount(file) / 2);
  expect(middle).toBeGreaterThan(10);
  corruptPages(file, middle, 4);
}

describe('a corrupted database', () => {
  const dirs: string[] = [];
  let server: ServerProcess | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    dirs.splice(0).forEach(removeDataDir);
  });

  it('stops the production server at start with a clear message naming the file', async () => {
    const dir = await databaseWithMessages(20_000);
    dirs.push(dir);
    corruptMiddlePages(join(dir, 'live.sqlite'));
    server = await spawnBuiltApi({ dataDir: dir });
    const started = server;
    // Either it exits, or it serves (and reports healthy): whichever comes first.
    const outcome = await Promise.race([
      started.exited,
      started.serving().then(
        async () => `serving; /health answers ${(await fetch(`${started.url}/health`)).status}`,
        () => started.exited,
      ),
    ]);
    expect(outcome).toEqual({ code: 1, signal: null });
    expect(server.output).toMatch(
      /live-api failed to start: The database .*live\.sqlite is corrupt \(integrity check: .+\)/s,
    );
    expect(server.output).not.toMatch(/\n\s+at /); // a plain message, not a stack trace
  });

  it('reports 503 on /health once the pages reads need go bad under a running server', async () => {
    const dir = await databaseWithMessages(20_000);
    dirs.push(dir);
    const running = await startApp({ DATA_DIR: dir });
    try {
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
      // The newest messages (what every welcome and the latest page read) sit at the file's end.
      const file = join(dir, 'live.sqlite');
      corruptPages(file, pageCount(file) - 16, 16);
      const response = await fetch(`${running.url}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'unavailable',
        store: expect.stringMatching(/malformed|corrupt/),
      });
    } finally {
      await running.close();
    }
  });
});
