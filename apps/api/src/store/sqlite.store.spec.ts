import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite.store';
import { StoreUnavailableError } from './store';
import { describeStoreContract } from './store.contract';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-sqlite-'));
  dirs.push(dir);
  return dir;
};

describeStoreContract('SqliteStore', () => {
  const dir = newDir();
  return async () => new SqliteStore(dir);
});

/** The tables as the release before identities created them (schema version 0), verbatim. */
const SCHEMA_BEFORE_IDENTITIES = `
  CREATE TABLE IF NOT EXISTS counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO counter (id, value) VALUES (1, 0);
  CREATE TABLE IF NOT EXISTS click_ids (
    id TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS click_ids_at ON click_ids (at);
  CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    sent_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS deleted_messages (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
  );
`;

/** The store's own connection, to look at what no method of the port shows. */
const database = (store: SqliteStore) => (store as unknown as { db: Database.Database }).db;

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

describe('SqliteStore schema upgrades', () => {
  it('upgrades a file the release before identities wrote, keeping its messages without authors', async () => {
    const dir = newDir();
    const old = new Database(join(dir, 'live.sqlite'));
    old.pragma('journal_mode = WAL');
    old.exec(SCHEMA_BEFORE_IDENTITIES);
    old
      .prepare('INSERT INTO messages (id, author, text, sent_at) VALUES (?, ?, ?, ?)')
      .run('old', 'Ada', 'from before', '2026-01-01T00:00:00.000Z');
    old.exec('UPDATE counter SET value = 7');
    old.close();

    const store = new SqliteStore(dir);
    expect(database(store).pragma('user_version', { simple: true })).toBe(1);
    expect(await store.count()).toBe(7);
    const [before] = await store.messages({ limit: 10 });
    expect(before).toEqual({
      id: 'old',
      seq: 1,
      author: 'Ada',
      text: 'from before',
      sentAt: '2026-01-01T00:00:00.000Z',
    });
    expect(before).not.toHaveProperty('authorId');
    const after = await store.append({ ...draft('new'), authorId: 'u-ada' });
    if (after.deleted) throw new Error('not stored');
    expect(after.message).toMatchObject({ seq: 2, authorId: 'u-ada' });
    const edited = await store.edit('old', 'from before, edited', '2026-01-02T00:00:00.000Z');
    await store.saveIdentity({ id: 'u-ada', name: 'Ada', createdAt: 1, lastSeenAt: 2 }, 60_000);
    await store.close();

    // Opening it again finds it current and leaves it so.
    const reopened = new SqliteStore(dir);
    expect(await reopened.messages({ limit: 10 })).toEqual([edited, after.message]);
    expect(await reopened.identity('u-ada')).toMatchObject({ name: 'Ada' });
    await reopened.close();
  });

  it('refuses a file a newer release has migrated further, saying so', () => {
    const dir = newDir();
    const newer = new Database(join(dir, 'live.sqlite'));
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => new SqliteStore(dir)).toThrow(
      new StoreUnavailableError(
        `The database ${join(dir, 'live.sqlite')} has schema version 99, newer than this ` +
          "release's 1: run the release that wrote it, or restore a backup from before.",
      ),
    );
  });
});

describe('SqliteStore forgetting', () => {
  const rows = (store: SqliteStore) =>
    ['identities', 'name_claims', 'mutes'].map((table) =>
      database(store).prepare(`SELECT count(*) FROM ${table}`).pluck().get(),
    );

  it('sweeps at most 100 ended rows per write of their kind, and ignores those it has not reached', async () => {
    let now = 1_000_000;
    const store = new SqliteStore(newDir(), () => now);
    // 150 of each kind, ending one after the other; the sweeps take the earliest first.
    await Promise.all(
      Array.from({ length: 150 }, (_, i) => [
        store.saveIdentity({ id: `u-${i}`, name: `n${i}`, createdAt: 1, lastSeenAt: 1 }, 10 + i),
        store.claimName(`name-${i}`, `u-${i}`, now + 10 + i),
        store.mute(`u-${i}`, now + 10 + i),
      ]).flat(),
    );
    now += 1_000;
    expect(await store.identity('u-149')).toBeUndefined();
    expect(await store.mutedUntil('u-149')).toBe(0);
    expect(rows(store)).toEqual([150, 150, 150]);

    // Each write sweeps the 100 earliest, and replaces the latest, ended too but not swept yet.
    await store.saveIdentity({ id: 'u-149', name: 'new', createdAt: now, lastSeenAt: now }, 10);
    expect(await store.claimName('name-149', 'u-new', now + 10)).toEqual({ held: true });
    await store.mute('u-149', now + 10);
    expect(rows(store)).toEqual([50, 50, 50]);
    await store.close();
  });
});
