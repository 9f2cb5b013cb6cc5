import Database from 'better-sqlite3';
import { closeSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LIMITS, LOBBY, type ChatMessage } from '@live/shared-events';
import {
  ID_TTL_MS,
  StoreUnavailableError,
  type AppendResult,
  type Identity,
  type MessageDraft,
  type MessageQuery,
  type NameClaim,
  type OnCommit,
  type Store,
} from './store';
import { WriteBatch, type WriteTimings } from './write-batch';

/**
 * The schema as first released (user_version 0). It runs on a file at that version, creating a
 * new file's tables; MIGRATIONS then take any file from there to the current schema.
 */
const BASE_SCHEMA = `
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

/**
 * The schema changes in order; a file's `PRAGMA user_version` counts those it has had. Add new
 * ones at the end, never change one that has shipped. Times are epoch milliseconds; a row with
 * an end (an identity's expiry, a name's hold, a mute) counts up to that moment, and is swept
 * once it has passed.
 */
const MIGRATIONS = [
  // Identities: messages' authors and edits (NULL on older rows), names held, mutes.
  `
  ALTER TABLE messages ADD COLUMN author_id TEXT;
  ALTER TABLE messages ADD COLUMN edited_at TEXT;
  CREATE TABLE identities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX identities_expires_at ON identities (expires_at);
  CREATE TABLE name_claims (
    key TEXT PRIMARY KEY,
    identity_id TEXT NOT NULL,
    hold_until INTEGER NOT NULL
  );
  CREATE INDEX name_claims_hold_until ON name_claims (hold_until);
  CREATE TABLE mutes (
    identity_id TEXT PRIMARY KEY,
    until INTEGER NOT NULL
  );
  `,
  // Rooms: counters, click ids, messages and tombstones keyed by room; what was stored before
  // is the lobby's ('lobby', LOBBY). A new primary key takes a new table, filled from the old.
  // A room's next seq is one more than the greatest it gave, a message's or a tombstone's (kept
  // for good), so the lobby's go on from its last, as AUTOINCREMENT had them. Absent rows are a
  // zero count and no messages. The tables of small rows are WITHOUT ROWID (one b-tree each, not
  // two); messages (up to 3 kB) keep a rowid, so the inner pages of their b-tree hold keys only.
  `
  CREATE TABLE counters (
    room TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO counters (room, value) SELECT 'lobby', value FROM counter WHERE value <> 0;
  DROP TABLE counter;

  CREATE TABLE room_click_ids (
    room TEXT NOT NULL,
    id TEXT NOT NULL,
    count INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (room, id)
  ) WITHOUT ROWID;
  INSERT INTO room_click_ids (room, id, count, at) SELECT 'lobby', id, count, at FROM click_ids;
  DROP TABLE click_ids;
  ALTER TABLE room_click_ids RENAME TO click_ids;
  CREATE INDEX click_ids_at ON click_ids (at);

  CREATE TABLE room_messages (
    room TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    author_id TEXT,
    edited_at TEXT,
    PRIMARY KEY (room, seq),
    UNIQUE (room, id)
  );
  INSERT INTO room_messages (room, seq, id, author, text, sent_at, author_id, edited_at)
    SELECT 'lobby', seq, id, author, text, sent_at, author_id, edited_at FROM messages;
  DROP TABLE messages;
  ALTER TABLE room_messages RENAME TO messages;

  CREATE TABLE room_deleted_messages (
    room TEXT NOT NULL,
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (room, id)
  ) WITHOUT ROWID;
  INSERT INTO room_deleted_messages (room, id, seq) SELECT 'lobby', id, seq FROM deleted_messages;
  DROP TABLE deleted_messages;
  ALTER TABLE room_deleted_messages RENAME TO deleted_messages;
  CREATE INDEX deleted_messages_seq ON deleted_messages (room, seq);
  `,
];

/**
 * Rows whose end has passed that a write of their kind deletes along the way: more than any
 * write adds, so they cannot pile up, and few enough to cost nothing noticeable.
 */
const SWEEP_LIMIT = 100;

/**
 * Click ids are swept once every this many clicks that add one, up to twice as many rows: more
 * than those clicks added, so the table holds about a day of them, at a statement per hundred
 * clicks rather than one per click.
 */
const CLICK_SWEEP_EVERY = 100;

/**
 * Rooms whose latest page is kept, the least recently read dropped first: more than are busy at
 * once, so a connection storm in any of them reads the file once, and a bound on the memory.
 */
const LATEST_PAGES_KEPT = 1_000;

interface LatestPage {
  limit: number;
  messages: ChatMessage[];
}

interface MessageRow {
  seq: number;
  id: string;
  author: string;
  text: string;
  sent_at: string;
  author_id: string | null;
  edited_at: string | null;
}

/** The named parameters of a message's INSERT. */
interface MessageInsert {
  room: string;
  id: string;
  author: string;
  text: string;
  sentAt: string;
  authorId: string | null;
}

interface IdentityRow {
  id: string;
  name: string;
  created_at: number;
  last_seen_at: number;
}

const toMessage = (row: MessageRow): ChatMessage => ({
  id: row.id,
  seq: row.seq,
  author: row.author,
  text: row.text,
  sentAt: row.sent_at,
  ...(row.author_id !== null && { authorId: row.author_id }),
  ...(row.edited_at !== null && { editedAt: row.edited_at }),
});

const toIdentity = (row: IdentityRow): Identity => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
});

/** A row a statement must return (one it just inserted). */
function present<T>(row: T | undefined): T {
  if (row === undefined)
    throw new StoreUnavailableError('The database is missing a row it must have');
  return row;
}

/** Opens (creating if needed) the database file in `dataDir`, or throws a clear error. */
function openDatabase(dataDir: string): Database.Database {
  const file = join(resolve(dataDir), 'live.sqlite');
  const unusable = (error: unknown) =>
    new StoreUnavailableError(
      `Cannot open the database ${file}: ${(error as Error).message}. ` +
        'Check that DATA_DIR exists, is writable and holds a valid database.',
      { cause: error },
    );
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL: a commit reaches the OS, so it survives a crash of this process, without waiting
    // for the disk; the store fdatasyncs the WAL itself before any ack (see WriteBatch), so an
    // acked write survives a power cut too, and broadcasts need not wait for the disk.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw unusable(error);
  }
  // Before anything is written: serving or extending damaged pages would spread the damage.
  const problems = integrityProblems(db);
  if (problems.length > 0) {
    db.close();
    throw new StoreUnavailableError(
      `The database ${file} is corrupt (integrity check: ${problems.join('; ')}). ` +
        'Restore it from a backup, or move it (with its -wal and -shm files) aside to start ' +
        'with an empty store.',
    );
  }
  try {
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error instanceof StoreUnavailableError ? error : unusable(error);
  }
  return db;
}

/**
 * Brings the file's schema up to date, in one IMMEDIATE transaction: a second process opening
 * the file at the same moment waits for it, then finds nothing left to do. A file that a newer
 * release has migrated further is refused rather than half understood.
 */
function migrate(db: Database.Database, file: string): void {
  const run = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreUnavailableError(
        `The database ${file} has schema version ${version}, newer than this release's ` +
          `${MIGRATIONS.length}: run the release that wrote it, or restore a backup from before.`,
      );
    }
    if (version === MIGRATIONS.length) return;
    // Only there: on a later file it would bring back a table a migration replaced (counter).
    if (version === 0) db.exec(BASE_SCHEMA);
    for (const migration of MIGRATIONS.slice(version)) db.exec(migration);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  });
  run.immediate();
}

/** Problems `PRAGMA quick_check` reports, at most this many (it stops looking once it has them). */
const INTEGRITY_PROBLEMS_SHOWN = 5;

/**
 * Checks every page of the file (b-tree structure, records, free list; about 0.4 s per 200 MB,
 * see docs/security.md), without the cross-check of indexes that `integrity_check` adds.
 */
function integrityProblems(db: Database.Database): string[] {
  try {
    const rows = db.pragma(`quick_check(${INTEGRITY_PROBLEMS_SHOWN})`) as { quick_check: string }[];
    const found = rows.map((row) => row.quick_check);
    return found.length === 1 && found[0] === 'ok' ? [] : found;
  } catch (error) {
    // Damage bad enough to stop the check itself (SQLITE_CORRUPT) is a finding too.
    return [(error as Error).message];
  }
}

/**
 * The embedded store: one SQLite file (WAL), writes group-committed per event-loop turn, each
 * commit announced at once and acked once the WAL is synced.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  /** The WAL, opened to fdatasync it: on Linux a sync flushes the file whichever descriptor asks. */
  private readonly wal: number;
  private readonly batch: WriteBatch;
  private lastWriteError: Error | undefined;
  private closed = false;
  /** Clicks that added an id since click ids were last swept. */
  private clickIdsAdded = 0;
  private readonly statements;
  // Each room's latest page, as every welcome reads it: kept until the room's next append, edit
  // or delete. This store is the file's only writer, so only those can make one stale.
  private readonly latestPages = new Map<string, LatestPage>();

  /**
   * @param now the clock, for tests.
   * @param timings hears how long writes waited for their transaction and syncs took (metrics).
   */
  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
    timings?: WriteTimings,
  ) {
    this.db = openDatabase(dataDir);
    const db = this.db;
    /**
     * Deletes at most `limit` rows whose `end` is before the bound (by its index); `key` is the
     * primary key's column, or its columns.
     */
    const sweep = (table: string, key: string, end: string, limit = SWEEP_LIMIT) =>
      db.prepare<[number]>(
        `DELETE FROM ${table} WHERE (${key}) IN ` +
          `(SELECT ${key} FROM ${table} WHERE ${end} < ? LIMIT ${limit})`,
      );
    this.statements = {
      increment: db.prepare<[string], { value: number }>(
        'UPDATE counters SET value = value + 1 WHERE room = ? RETURNING value',
      ),
      // A room's first click since it was new or reset; an upsert on every click costs more.
      firstClick: db.prepare<[string]>('INSERT INTO counters (room, value) VALUES (?, 1)'),
      count: db.prepare<[string], { value: number }>('SELECT value FROM counters WHERE room = ?'),
      clickById: db.prepare<[string, string], { count: number }>(
        'SELECT count FROM click_ids WHERE room = ? AND id = ?',
      ),
      rememberClick: db.prepare<[string, string, number, number]>(
        'INSERT INTO click_ids (room, id, count, at) VALUES (?, ?, ?, ?)',
      ),
      forgetClicks: db.prepare<[number]>('DELETE FROM click_ids WHERE at < ?'),
      sweepClicks: sweep('click_ids', 'room, id', 'at', 2 * CLICK_SWEEP_EVERY),
      // The next seq: one more than the greatest the room gave, to a message still stored or to
      // one deleted since (its tombstone), so no seq is given twice.
      insertMessage: db.prepare<[MessageInsert], MessageRow>(
        'INSERT INTO messages (room, seq, id, author, text, sent_at, author_id) VALUES (' +
          '@room, 1 + max(' +
          'ifnull((SELECT max(seq) FROM messages WHERE room = @room), 0), ' +
          'ifnull((SELECT max(seq) FROM deleted_messages WHERE room = @room), 0)), ' +
          '@id, @author, @text, @sentAt, @authorId) RETURNING *',
      ),
      messageById: db.prepare<[string, string], MessageRow>(
        'SELECT * FROM messages WHERE room = ? AND id = ?',
      ),
      editMessage: db.prepare<[string, string, string, string], MessageRow>(
        'UPDATE messages SET text = ?, edited_at = ? WHERE room = ? AND id = ? RETURNING *',
      ),
      deleteMessage: db.prepare<[string, string], { seq: number }>(
        'DELETE FROM messages WHERE room = ? AND id = ? RETURNING seq',
      ),
      rememberDeleted: db.prepare<[string, string, number]>(
        'INSERT OR IGNORE INTO deleted_messages (room, id, seq) VALUES (?, ?, ?)',
      ),
      deletedById: db.prepare<[string, string], { seq: number }>(
        'SELECT seq FROM deleted_messages WHERE room = ? AND id = ?',
      ),
      // No row is a zero count: a reset room with no messages keeps nothing.
      resetCounter: db.prepare<[string]>('DELETE FROM counters WHERE room = ?'),
      forgetRoomClicks: db.prepare<[string]>('DELETE FROM click_ids WHERE room = ?'),
      latest: db.prepare<[string, number, number], MessageRow>(
        'SELECT * FROM messages WHERE room = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      ),
      after: db.prepare<[string, number, number, number], MessageRow>(
        'SELECT * FROM messages WHERE room = ? AND seq > ? AND seq < ? ORDER BY seq ASC LIMIT ?',
      ),
      identityById: db.prepare<[string, number], IdentityRow>(
        'SELECT * FROM identities WHERE id = ? AND expires_at >= ?',
      ),
      saveIdentity: db.prepare<[string, string, number, number, number]>(
        'INSERT OR REPLACE INTO identities (id, name, created_at, last_seen_at, expires_at) ' +
          'VALUES (?, ?, ?, ?, ?)',
      ),
      forgetIdentities: sweep('identities', 'id', 'expires_at'),
      claimByKey: db.prepare<[string], { identity_id: string; hold_until: number }>(
        'SELECT identity_id, hold_until FROM name_claims WHERE key = ?',
      ),
      holdName: db.prepare<[string, string, number]>(
        'INSERT OR REPLACE INTO name_claims (key, identity_id, hold_until) VALUES (?, ?, ?)',
      ),
      releaseName: db.prepare<[string, string]>(
        'DELETE FROM name_claims WHERE key = ? AND identity_id = ?',
      ),
      forgetClaims: sweep('name_claims', 'key', 'hold_until'),
      mute: db.prepare<[string, number]>(
        'INSERT OR REPLACE INTO mutes (identity_id, until) VALUES (?, ?)',
      ),
      unmute: db.prepare<[string]>('DELETE FROM mutes WHERE identity_id = ?'),
      mutedUntil: db.prepare<[string, number], { until: number }>(
        'SELECT until FROM mutes WHERE identity_id = ? AND until >= ?',
      ),
      forgetMutes: sweep('mutes', 'identity_id', 'until'),
    };
    // Opening in WAL mode created the WAL; it stays, rewound at checkpoints, while the db is open.
    this.wal = openSync(`${db.name}-wal`, 'r');
    const transaction = db.transaction((work: () => void) => work());
    this.batch = new WriteBatch(
      (work) => {
        try {
          transaction.immediate(work);
        } catch (error) {
          throw this.failed('The database rejected a write', error);
        }
      },
      () =>
        new Promise<void>((resolve, reject) =>
          fdatasync(this.wal, (error) => {
            if (error) return reject(this.failed('The disk did not confirm a write', error));
            this.lastWriteError = undefined;
            resolve();
          }),
        ),
      { timings },
    );
    this.statements.forgetClicks.run(this.now() - ID_TTL_MS);
  }

  click(room: string, id?: string, onCommit?: OnCommit<number>): Promise<number> {
    return this.write(() => {
      if (id !== undefined) {
        const seen = this.statements.clickById.get(room, id);
        if (seen) return seen.count;
      }
      let count = this.statements.increment.get(room)?.value;
      if (count === undefined) {
        this.statements.firstClick.run(room);
        count = 1;
      }
      if (id !== undefined) {
        const now = this.now();
        this.statements.rememberClick.run(room, id, count, now);
        if (++this.clickIdsAdded === CLICK_SWEEP_EVERY) {
          this.clickIdsAdded = 0;
          this.statements.sweepClicks.run(now - ID_TTL_MS);
        }
      }
      return count;
    }, onCommit);
  }

  async count(room: string): Promise<number> {
    return this.statements.count.get(room)?.value ?? 0;
  }

  append(room: string, draft: MessageDraft): Promise<AppendResult> {
    return this.write(() => {
      // Look first: inserting an id the room has would fail the whole batch's transaction.
      const stored = this.statements.messageById.get(room, draft.id);
      if (stored) return { message: toMessage(stored), created: false };
      const deleted = this.statements.deletedById.get(room, draft.id);
      if (deleted) return { created: false, deleted: true };
      this.latestPages.delete(room);
      const row = present(
        this.statements.insertMessage.get({
          room,
          id: draft.id,
          author: draft.author,
          text: draft.text,
          sentAt: draft.sentAt,
          authorId: draft.authorId ?? null,
        }),
      );
      return { message: toMessage(row), created: true };
    });
  }

  delete(room: string, id: string): Promise<boolean> {
    return this.write(() => {
      const row = this.statements.deleteMessage.get(room, id);
      if (!row) return false;
      this.statements.rememberDeleted.run(room, id, row.seq);
      this.latestPages.delete(room);
      return true;
    });
  }

  async message(room: string, id: string): Promise<ChatMessage | undefined> {
    const row = this.statements.messageById.get(room, id);
    return row && toMessage(row);
  }

  edit(room: string, id: string, text: string, editedAt: string): Promise<ChatMessage | undefined> {
    return this.write(() => {
      const row = this.statements.editMessage.get(text, editedAt, room, id);
      if (!row) return undefined;
      this.latestPages.delete(room);
      return toMessage(row);
    });
  }

  async identity(id: string): Promise<Identity | undefined> {
    const row = this.statements.identityById.get(id, this.now());
    return row && toIdentity(row);
  }

  saveIdentity(identity: Identity, ttlMs: number): Promise<void> {
    return this.write(() => {
      const now = this.now();
      this.statements.forgetIdentities.run(now);
      this.statements.saveIdentity.run(
        identity.id,
        identity.name,
        identity.createdAt,
        identity.lastSeenAt,
        now + ttlMs,
      );
    });
  }

  claimName(key: string, identityId: string, holdUntil: number): Promise<NameClaim> {
    // In the batch's IMMEDIATE transaction: another connection to the file cannot claim between
    // this read and this write.
    return this.write((): NameClaim => {
      const now = this.now();
      this.statements.forgetClaims.run(now);
      const claim = this.statements.claimByKey.get(key);
      if (claim && claim.identity_id !== identityId && claim.hold_until >= now) {
        return { held: false, holderId: claim.identity_id };
      }
      this.statements.holdName.run(key, identityId, holdUntil);
      return { held: true };
    });
  }

  releaseName(key: string, identityId: string): Promise<void> {
    return this.write(() => {
      this.statements.releaseName.run(key, identityId);
    });
  }

  mute(identityId: string, until: number): Promise<void> {
    return this.write(() => {
      const now = this.now();
      this.statements.forgetMutes.run(now);
      if (until < now) this.statements.unmute.run(identityId);
      else this.statements.mute.run(identityId, until);
    });
  }

  async mutedUntil(identityId: string): Promise<number> {
    return this.statements.mutedUntil.get(identityId, this.now())?.until ?? 0;
  }

  resetCounter(room: string): Promise<number> {
    return this.write(() => {
      this.statements.resetCounter.run(room);
      this.statements.forgetRoomClicks.run(room);
      return 0;
    });
  }

  /** A room's latest page (no bounds) is shared between callers until its next append: do not modify it. */
  async messages(room: string, { before, after, limit }: MessageQuery): Promise<ChatMessage[]> {
    const upper = before ?? Number.MAX_SAFE_INTEGER;
    if (after !== undefined) {
      return this.statements.after.all(room, after, upper, limit).map(toMessage);
    }
    if (before !== undefined) return this.latest(room, upper, limit);
    let page = this.latestPages.get(room);
    // Taken out and put back last: the Map's order is then the order of the rooms' last reads.
    this.latestPages.delete(room);
    if (page?.limit !== limit) page = { limit, messages: this.latest(room, upper, limit) };
    this.latestPages.set(room, page);
    if (this.latestPages.size > LATEST_PAGES_KEPT) {
      this.latestPages.delete(this.latestPages.keys().next().value as string);
    }
    return page.messages;
  }

  async check(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
    try {
      // Drop this connection's cached pages first, so these reads go to the file: a disk or file
      // gone bad under a running server shows here, not only at the next start.
      this.db.pragma('shrink_memory');
      this.statements.count.get(LOBBY);
      this.latest(LOBBY, Number.MAX_SAFE_INTEGER, LIMITS.welcomeMessages);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(`Reading the database failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (this.lastWriteError) {
      throw new StoreUnavailableError(`The last write failed: ${this.lastWriteError.message}`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.batch.drain();
    this.db.close();
    closeSync(this.wal);
  }

  private latest(room: string, before: number, limit: number): ChatMessage[] {
    return this.statements.latest.all(room, before, limit).reverse().map(toMessage);
  }

  private write<T>(run: () => T, onCommit?: OnCommit<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('The store is closed'));
    return this.batch.add(run, onCommit);
  }

  /** Remembers a failed write (the health check reports it until a write succeeds). */
  private failed(what: string, error: unknown): StoreUnavailableError {
    this.lastWriteError = error as Error;
    return new StoreUnavailableError(`${what}: ${(error as Error).message}`, { cause: error });
  }
}
