import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOBBY } from '@live/shared-events';
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

const draft = (id: string, text = `text ${id}`) => ({
  id,
  author: 'Ada',
  text,
  sentAt: '2026-01-01T00:00:00.000Z',
});
const seqs = (messages: { seq: number }[]) => messages.map((message) => message.seq);

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

/** The schema version of this release: one per migration. */
const SCHEMA_VERSION = 2;

/** A room's rows in counters, click_ids, messages and deleted_messages. */
const roomRows = (store: SqliteStore, room: string) =>
  ['counters', 'click_ids', 'messages', 'deleted_messages'].map((table) =>
    database(store).prepare(`SELECT count(*) FROM ${table} WHERE room = ?`).pluck().get(room),
  );

describe('SqliteStore', () => {
  it('keeps a reset counter across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-sqlite-'));
    dirs.push(dir);
    const first = new SqliteStore(dir);
    await first.click(LOBBY, 'x');
    await first.resetCounter(LOBBY);
    await first.close();
    const second = new SqliteStore(dir);
    expect(await second.count(LOBBY)).toBe(0);
    await second.close();
  });

  it('keeps the count and messages across a reopen of the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-sqlite-'));
    dirs.push(dir);
    const first = new SqliteStore(dir);
    await first.click(LOBBY);
    const stored = await first.append(LOBBY, {
      id: 'a',
      author: 'Ada',
      text: 'kept',
      sentAt: new Date().toISOString(),
    });
    if (stored.deleted) throw new Error('not stored');
    await first.close();
    const second = new SqliteStore(dir);
    expect(await second.count(LOBBY)).toBe(1);
    expect(await second.messages(LOBBY, { limit: 5 })).toEqual([stored.message]);
    await second.close();
  });

  it('stores nothing for a room nobody used, nor for one reset with no messages', async () => {
    const store = new SqliteStore(newDir());
    const nobody = 'nobody-here';
    await store.count(nobody);
    await store.messages(nobody, { limit: 10 });
    await store.message(nobody, 'm-1');
    await store.edit(nobody, 'm-1', 'text', '2026-01-01T00:00:00.000Z');
    await store.delete(nobody, 'm-1');
    expect(roomRows(store, nobody)).toEqual([0, 0, 0, 0]);

    await store.click('quiet', 'c-1');
    await store.click('quiet');
    expect(roomRows(store, 'quiet')).toEqual([1, 1, 0, 0]);
    await store.resetCounter('quiet');
    expect(roomRows(store, 'quiet')).toEqual([0, 0, 0, 0]);
    await store.click(LOBBY);
    await store.resetCounter(LOBBY);
    expect(roomRows(store, LOBBY)).toEqual([0, 0, 0, 0]);
    await store.close();
  });

  it('keeps the latest pages of the 1000 rooms read last, and reads any other from the file', async () => {
    const store = new SqliteStore(newDir());
    const pages = (store as unknown as { latestPages: Map<string, unknown> }).latestPages;
    await store.append('first', draft('m-1'));
    const [first] = await store.messages('first', { limit: 10 });
    for (let i = 0; i < 999; i++) await store.messages(`room-${i}`, { limit: 10 });
    // Read again, so the least recently read is room-0, which the next room pushes out.
    expect(await store.messages('first', { limit: 10 })).toEqual([first]);
    await store.messages('one-more', { limit: 10 });
    expect(pages.size).toBe(1000);
    expect([pages.has('first'), pages.has('room-0'), pages.has('room-1')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(await store.messages('room-0', { limit: 10 })).toEqual([]);
    expect(await store.messages('first', { limit: 10 })).toEqual([first]);
    await store.close();
  });
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
    await store.click(LOBBY);
    const db = database(store);
    const pages = db.pragma('page_count', { simple: true }) as number;
    // SQLite's own limit on the file's size fails writes exactly as a full disk does (SQLITE_FULL).
    db.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(1000);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.append(LOBBY, draft(`big-${i}`, big))),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    const reason = (results[0] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(StoreUnavailableError);
    expect(reason.message).toMatch(/full/);
    await expect(store.check()).rejects.toThrow(/full/);
    expect(await store.messages(LOBBY, { limit: 50 })).toEqual([]);

    db.pragma('max_page_count = 1073741823');
    await store.append(LOBBY, draft('after'));
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
    expect(database(store).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(await store.count(LOBBY)).toBe(7);
    const [before] = await store.messages(LOBBY, { limit: 10 });
    expect(before).toEqual({
      id: 'old',
      seq: 1,
      author: 'Ada',
      text: 'from before',
      sentAt: '2026-01-01T00:00:00.000Z',
    });
    expect(before).not.toHaveProperty('authorId');
    const after = await store.append(LOBBY, { ...draft('new'), authorId: 'u-ada' });
    if (after.deleted) throw new Error('not stored');
    expect(after.message).toMatchObject({ seq: 2, authorId: 'u-ada' });
    const edited = await store.edit(
      LOBBY,
      'old',
      'from before, edited',
      '2026-01-02T00:00:00.000Z',
    );
    await store.saveIdentity({ id: 'u-ada', name: 'Ada', createdAt: 1, lastSeenAt: 2 }, 60_000);
    await store.close();

    // Opening it again finds it current and leaves it so.
    const reopened = new SqliteStore(dir);
    expect(await reopened.messages(LOBBY, { limit: 10 })).toEqual([edited, after.message]);
    expect(await reopened.identity('u-ada')).toMatchObject({ name: 'Ada' });
    await reopened.close();
  });

  it('upgrades a file the release before rooms wrote: what it held is the lobby, new rooms start empty', async () => {
    // Written by that release's SqliteStore with its clock at 2100-01-01, so that the click ids,
    // identity, name hold and mute it holds have not ended when this reads them: 42 clicks, the
    // last two with ids; five messages, the first edited, the second and the last deleted.
    const dir = newDir();
    copyFileSync(
      new URL('./fixtures/before-rooms.sqlite', import.meta.url),
      join(dir, 'live.sqlite'),
    );
    const sentAt = (minute: number) => `2026-03-01T10:0${minute}:00.000Z`;
    const messages = [
      {
        id: 'm-hello',
        seq: 1,
        author: 'Ada',
        text: 'hello, edited',
        sentAt: sentAt(0),
        authorId: 'u-ada',
        editedAt: sentAt(5),
      },
      { id: 'm-guest', seq: 3, author: 'Someone', text: 'from a guest', sentAt: sentAt(2) },
      { id: 'm-bye', seq: 4, author: 'Ada', text: 'bye', sentAt: sentAt(3), authorId: 'u-ada' },
    ];

    const store = new SqliteStore(dir);
    expect(database(store).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(await store.count(LOBBY)).toBe(42);
    expect(await store.messages(LOBBY, { limit: 10 })).toEqual(messages);
    expect(await store.messages(LOBBY, { after: 1, limit: 10 })).toEqual(messages.slice(1));
    expect(await store.message(LOBBY, 'm-hello')).toEqual(messages[0]);
    for (const id of ['m-spam', 'm-last']) {
      expect(await store.append(LOBBY, draft(id))).toEqual({ created: false, deleted: true });
    }
    expect(await store.append(LOBBY, draft('m-bye'))).toEqual({
      message: messages[2],
      created: false,
    });
    expect(await store.click(LOBBY, 'click-41')).toBe(41);
    expect(await store.identity('u-ada')).toMatchObject({ name: 'Ada' });
    expect(await store.claimName('ada', 'u-grace', Date.now() + 60_000)).toEqual({
      held: false,
      holderId: 'u-ada',
    });
    expect(await store.mutedUntil('u-troll')).toBeGreaterThan(Date.now());

    // A new room: none of the lobby's, and the lobby's ids are new there.
    expect(await store.count('maths-101')).toBe(0);
    expect(await store.messages('maths-101', { limit: 10 })).toEqual([]);
    expect(await store.message('maths-101', 'm-hello')).toBeUndefined();
    expect(await store.click('maths-101', 'click-41')).toBe(1);
    const inMaths = await store.append('maths-101', draft('m-spam'));
    expect(inMaths).toMatchObject({ created: true, message: { id: 'm-spam', seq: 1 } });
    expect(await store.delete('maths-101', 'm-hello')).toBe(false);

    // The lobby goes on after its last seq, the deleted one's too, untouched by the new room.
    const next = await store.append(LOBBY, draft('m-next'));
    expect(next).toMatchObject({ created: true, message: { seq: 6 } });
    expect(await store.count(LOBBY)).toBe(42);
    await store.close();

    const reopened = new SqliteStore(dir);
    expect(await reopened.count(LOBBY)).toBe(42);
    expect(seqs(await reopened.messages(LOBBY, { limit: 10 }))).toEqual([1, 3, 4, 6]);
    expect(seqs(await reopened.messages('maths-101', { limit: 10 }))).toEqual([1]);
    await reopened.close();
  });

  it('gives an upgraded file the same tables and indexes as a new one', async () => {
    const schema = async (dir: string) => {
      const store = new SqliteStore(dir);
      const rows = database(store)
        .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name')
        .all();
      await store.close();
      return rows;
    };
    const upgraded = newDir();
    copyFileSync(
      new URL('./fixtures/before-rooms.sqlite', import.meta.url),
      join(upgraded, 'live.sqlite'),
    );
    expect(await schema(upgraded)).toEqual(await schema(newDir()));
  });

  it('refuses a file a newer release has migrated further, saying so', () => {
    const dir = newDir();
    const newer = new Database(join(dir, 'live.sqlite'));
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => new SqliteStore(dir)).toThrow(
      new StoreUnavailableError(
        `The database ${join(dir, 'live.sqlite')} has schema version 99, newer than this ` +
          `release's ${SCHEMA_VERSION}: run the release that wrote it, or restore a backup from before.`,
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

  it('forgets click ids a day old while it runs, not only when it starts', async () => {
    let now = 1_000_000;
    const store = new SqliteStore(newDir(), () => now);
    const clickIds = () => database(store).prepare('SELECT count(*) FROM click_ids').pluck().get();
    expect(await store.click(LOBBY, 'old')).toBe(1);
    now += 25 * 60 * 60 * 1000;
    // Every click with an id adds a row; sweeping along the way takes more than that away.
    for (let i = 0; i < 200; i++) await store.click(LOBBY, `new-${i}`);
    expect(clickIds()).toBeLessThan(201);
    // Forgotten, as a day-old id is: a retry that late counts again.
    expect(await store.click(LOBBY, 'old')).toBe(202);
    await store.close();
  });
});
