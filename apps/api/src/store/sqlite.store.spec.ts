import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite.store';
import { StoreUnavailableError } from './store';
import { describeStoreContract } from './store.contract';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeStoreContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-sqlite-'));
  dirs.push(dir);
  return new SqliteStore(dir);
});

describe('SqliteStore', () => {
  it('keeps a reset counter across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-sqlite-'));
    dirs.push(dir);
    const first = new SqliteStore(dir);
    await first.click('x');
    await first.resetCounter();
    await first.close();
    const second = new SqliteStore(dir);
    expect(await second.count()).toBe(0);
    await second.close();
  });

  it('keeps the count and messages across a reopen of the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-sqlite-'));
    dirs.push(dir);
    const first = new SqliteStore(dir);
    await first.click();
    const stored = await first.append({
      id: 'a',
      author: 'Ada',
      text: 'kept',
      sentAt: new Date().toISOString(),
    });
    if (stored.deleted) throw new Error('not stored');
    await first.close();
    const second = new SqliteStore(dir);
    expect(await second.count()).toBe(1);
    expect(await second.messages({ limit: 5 })).toEqual([stored.message]);
    await second.close();
  });
});

const draft = (id: string, text = `text ${id}`) => ({
  id,
  author: 'Ada',
  text,
  sentAt: '2026-01-01T00:00:00.000Z',
});

describe('SqliteStore disk trouble', () => {
  let dir: string;
  let store: SqliteStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'live-store-'));
    store = new SqliteStore(dir);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects writes with StoreUnavailableError when the disk is full, and fails its check until a write succeeds', async () => {
    await store.click();
    const db = (store as unknown as { db: { pragma(p: string, o?: object): unknown } }).db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // SQLite's own limit on the file's size fails writes exactly as a full disk does (SQLITE_FULL).
    db.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(1000);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.append(draft(`big-${i}`, big))),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    const reason = (results[0] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(StoreUnavailableError);
    expect(reason.message).toMatch(/full/);
    await expect(store.check()).rejects.toThrow(/full/);
    expect(await store.messages({ limit: 50 })).toEqual([]);

    db.pragma('max_page_count = 1073741823');
    await store.append(draft('after'));
    await expect(store.check()).resolves.toBeUndefined();
  });
});
