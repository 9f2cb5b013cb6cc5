import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite.store';
import { StoreUnavailableError } from './store';

const draft = (id: string, text = `text ${id}`) => ({
  id,
  author: 'Ada',
  text,
  sentAt: '2026-01-01T00:00:00.000Z',
});

describe('SqliteStore moderation and disk trouble', () => {
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

  it('deletes a message for good: gone from pages, and a retry of its id does not bring it back', async () => {
    await store.append(draft('a'));
    const { message: b } = await store.append(draft('b'));
    await store.append(draft('c'));
    expect(await store.delete('b')).toBe(true);
    expect(await store.delete('b')).toBe(false);
    expect(await store.delete('never')).toBe(false);
    expect((await store.messages({ limit: 10 })).map((m) => m.id)).toEqual(['a', 'c']);

    const retried = await store.append(draft('b', 'spam again'));
    expect(retried).toEqual({
      created: false,
      message: { ...draft('b', 'spam again'), seq: b.seq },
    });
    expect((await store.messages({ limit: 10 })).map((m) => m.id)).toEqual(['a', 'c']);
    expect((await store.append(draft('d'))).message.seq).toBe(4);
  });

  it('resets the counter durably and forgets click ids', async () => {
    await store.click('x');
    await store.click();
    expect(await store.resetCounter()).toBe(0);
    expect(await store.count()).toBe(0);
    expect(await store.click('x')).toBe(1);
    await store.close();
    store = new SqliteStore(dir);
    expect(await store.count()).toBe(1);
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
