import type { Redis } from 'ioredis';
import { LOBBY, type ChatMessage } from '@live/shared-events';
import { announceCommit } from './commit-listener';
import { ReplicaWait } from './replica-wait';
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

/**
 * Counts a click once per id. KEYS: counter, click id key. ARGV: id TTL (ms).
 * One script, so two instances retrying the same id at once cannot both count it.
 */
const CLICK_ONCE = `
local seen = redis.call('GET', KEYS[2])
if seen then return tonumber(seen) end
local count = redis.call('INCR', KEYS[1])
redis.call('SET', KEYS[2], count, 'PX', ARGV[1], 'NX')
return count
`;

/**
 * Stores a message once per id with the room's next seq, and trims history to its cap.
 * KEYS: seq counter, history (sorted set scored by seq), message id key.
 * ARGV: the message as JSON without seq (it starts with `{"id"`), id TTL (ms), history cap.
 * Returns { 1, message JSON } when stored, { 0, the stored message JSON } for a known id.
 */
const APPEND_ONCE = `
local stored = redis.call('GET', KEYS[3])
if stored then return {0, stored} end
local seq = redis.call('INCR', KEYS[1])
local message = '{"seq":' .. tostring(seq) .. ',' .. string.sub(ARGV[1], 2)
redis.call('ZADD', KEYS[2], seq, message)
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -1 - tonumber(ARGV[3]))
redis.call('SET', KEYS[3], message, 'PX', ARGV[2], 'NX')
return {1, message}
`;

/**
 * Defines find_message(history, id key, needle): the history member of the message with an id,
 * or nil. While its id key lasts (ID_TTL_MS) that holds its seq, the member's score; after,
 * history is scanned for the `,"id":<json>,` needle. A deleted id's tombstone holds a seq no
 * member has any more, so it finds nothing.
 */
const FIND_MESSAGE_FUNCTION = `
local function find_message(history, id_key, needle)
  local stored = redis.call('GET', id_key)
  if stored then
    local seq = cjson.decode(stored).seq
    return redis.call('ZRANGEBYSCORE', history, seq, seq)[1]
  end
  for _, member in ipairs(redis.call('ZRANGE', history, 0, -1)) do
    if string.find(member, needle, 1, true) then return member end
  end
  return nil
end
`;

/** The message's JSON as history holds it, or nil. KEYS: history, message id key. ARGV: needle. */
const FIND_MESSAGE = `${FIND_MESSAGE_FUNCTION}
return find_message(KEYS[1], KEYS[2], ARGV[1])
`;

/**
 * Deletes a message from history for good (moderation). KEYS: history, message id key.
 * ARGV: needle, id TTL (ms). The id key becomes a tombstone carrying the seq, so a retried
 * append of the id is neither duplicated nor brought back.
 * Returns 1 when a message was deleted, 0 when none had the id.
 */
const DELETE_ONCE = `${FIND_MESSAGE_FUNCTION}
local member = find_message(KEYS[1], KEYS[2], ARGV[1])
if not member then return 0 end
redis.call('ZREM', KEYS[1], member)
local seq = cjson.decode(member).seq
redis.call('SET', KEYS[2], '{"deleted":true,"seq":' .. tostring(seq) .. '}', 'PX', ARGV[2])
return 1
`;

/**
 * An edit's compare-and-set: replaces a message's history member, and its id key's copy (with
 * the key's TTL kept), unless the member has changed since it was read (an edit or a delete).
 * KEYS: history, message id key. ARGV: the member as read, its replacement.
 * Returns 1 when replaced, 0 when the member was no longer there.
 */
const REPLACE_MESSAGE = `
local seq = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not seq then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[1], seq, ARGV[2])
redis.call('SET', KEYS[2], ARGV[2], 'XX', 'KEEPTTL')
return 1
`;

/**
 * Holds a name for an identity until a moment (epoch ms, the key's PXAT), unless another
 * identity holds it: an ended hold has expired with its key. KEYS: the name's key.
 * ARGV: identity id, hold end. Returns nil when held, else the holder's id.
 */
const CLAIM_NAME = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return holder end
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
return nil
`;

/** Deletes a name's key if this identity still holds it. KEYS: the name's key. ARGV: identity id. */
const RELEASE_NAME = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
`;

interface StoreScripts {
  findMessage(history: string, idKey: string, needle: string): Promise<string | null>;
  deleteOnce(history: string, idKey: string, needle: string, ttlMs: number): Promise<0 | 1>;
  replaceMessage(history: string, idKey: string, member: string, edited: string): Promise<0 | 1>;
  claimName(nameKey: string, identityId: string, holdUntil: number): Promise<string | null>;
  releaseName(nameKey: string, identityId: string): Promise<0>;
  clickOnce(counter: string, idKey: string, ttlMs: number): Promise<number>;
  appendOnce(
    seq: string,
    history: string,
    idKey: string,
    message: string,
    ttlMs: number,
    cap: number,
  ): Promise<[0 | 1, string]>;
}

export interface RedisStoreOptions {
  /** Prepended to every key. */
  prefix: string;
  /** Messages kept in history; older ones are trimmed. */
  historyCap: number;
  /** Replicas that must have a write before it is acked (0: the primary's word; ReplicaWait). */
  waitReplicas?: number;
  /** How long they may take before the write is answered UNAVAILABLE. */
  waitTimeoutMs?: number;
}

/**
 * The shared store for several instances: a room's counter is one INCR key, its messages get
 * their seq from one INCR key and live in a capped sorted set scored by seq, and ids are
 * remembered with SET NX and a TTL; identities, names held and mutes are keys that expire when
 * they end. A write resolves once Redis has applied it and, when the primary has replicas,
 * once `waitReplicas` of them have it too (see docs/scaling.md for what Redis persistence and
 * replicas then add).
 *
 * Keys, each under the prefix (`REDIS_PREFIX`). A room's keys start with its room part: none for
 * the lobby, whose keys are the ones written before rooms, and `room:<slug>:` for any other
 * (`live:count` is the lobby's count, `live:room:maths-101:count` that of /r/maths-101):
 *
 * - `<room part>count`: string, the room's click count (INCR); absent is 0
 * - `<room part>click:<id>`: string, TTL ID_TTL_MS, the count a click id got
 * - `<room part>seq`: string, the room's last message seq (INCR)
 * - `<room part>history`: sorted set scored by seq, the room's messages as JSON, capped at
 *   `historyCap` (the oldest trimmed)
 * - `<room part>message:<id>`: string, TTL ID_TTL_MS, the room's message with that id as last
 *   edited, or a tombstone once it is deleted
 *
 * and, shared by every room: `identity:<id>`, `name:<key>`, `mute:<identity id>`. No lobby key
 * starts with `room:`, so no room's key is ever one of the lobby's. A room never written to has
 * no keys, and a reset deletes its count and click ids.
 */
export class RedisStore implements Store {
  private readonly keys;
  private readonly scripts: StoreScripts;
  private lastError: Error | undefined;
  private closed = false;
  private readonly replicas: ReplicaWait | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisStoreOptions,
  ) {
    const p = options.prefix;
    this.keys = {
      identity: (id: string) => `${p}identity:${id}`,
      name: (key: string) => `${p}name:${key}`,
      mute: (identityId: string) => `${p}mute:${identityId}`,
    };
    redis.defineCommand('clickOnce', { numberOfKeys: 2, lua: CLICK_ONCE });
    redis.defineCommand('appendOnce', { numberOfKeys: 3, lua: APPEND_ONCE });
    redis.defineCommand('findMessage', { numberOfKeys: 2, lua: FIND_MESSAGE });
    redis.defineCommand('deleteOnce', { numberOfKeys: 2, lua: DELETE_ONCE });
    redis.defineCommand('replaceMessage', { numberOfKeys: 2, lua: REPLACE_MESSAGE });
    redis.defineCommand('claimName', { numberOfKeys: 1, lua: CLAIM_NAME });
    redis.defineCommand('releaseName', { numberOfKeys: 1, lua: RELEASE_NAME });
    this.scripts = redis as unknown as StoreScripts;
    if (options.waitReplicas) {
      this.replicas = new ReplicaWait(redis, options.waitReplicas, options.waitTimeoutMs ?? 500);
    }
    redis.on('error', (error: Error) => (this.lastError = error));
    redis.on('ready', () => (this.lastError = undefined));
  }

  // Redis answers once it has the write: committed and as durable as its persistence settings
  // (and replicas) make it, in one step, so onCommit hears the result just before it settles.
  click(room: string, id?: string, onCommit?: OnCommit<number>): Promise<number> {
    return this.write(
      () =>
        id === undefined
          ? this.redis.incr(this.roomKey(room, 'count'))
          : this.scripts.clickOnce(
              this.roomKey(room, 'count'),
              this.roomKey(room, `click:${id}`),
              ID_TTL_MS,
            ),
      onCommit,
    );
  }

  count(room: string): Promise<number> {
    return this.run(async () => Number((await this.redis.get(this.roomKey(room, 'count'))) ?? 0));
  }

  append(room: string, draft: MessageDraft): Promise<AppendResult> {
    return this.write(async () => {
      const [created, message] = await this.scripts.appendOnce(
        this.roomKey(room, 'seq'),
        this.roomKey(room, 'history'),
        this.roomKey(room, `message:${draft.id}`),
        storedJson(draft),
        ID_TTL_MS,
        this.options.historyCap,
      );
      const stored = JSON.parse(message) as ChatMessage | { deleted: true; seq: number };
      if ('deleted' in stored) return { created: false, deleted: true };
      return { message: stored, created: created === 1 };
    });
  }

  delete(room: string, id: string): Promise<boolean> {
    return this.write(async () => {
      const deleted = await this.scripts.deleteOnce(
        this.roomKey(room, 'history'),
        this.roomKey(room, `message:${id}`),
        needle(id),
        ID_TTL_MS,
      );
      return deleted === 1;
    });
  }

  message(room: string, id: string): Promise<ChatMessage | undefined> {
    return this.run(async () => {
      const member = await this.findMessage(room, id);
      return member === null ? undefined : toMessage(member);
    });
  }

  edit(room: string, id: string, text: string, editedAt: string): Promise<ChatMessage | undefined> {
    return this.write(async () => {
      // Read, then replace only if unchanged: after a concurrent edit or delete this one reads
      // again, and edits the newer message or finds it gone. The JSON is built here, in
      // storedJson's field order, which Lua's cjson would not keep.
      for (;;) {
        const member = await this.findMessage(room, id);
        if (member === null) return undefined;
        const edited: ChatMessage = { ...toMessage(member), text, editedAt };
        const replaced = await this.scripts.replaceMessage(
          this.roomKey(room, 'history'),
          this.roomKey(room, `message:${id}`),
          member,
          storedJson(edited),
        );
        if (replaced === 1) return edited;
      }
    });
  }

  identity(id: string): Promise<Identity | undefined> {
    return this.run(async () => {
      const stored = await this.redis.get(this.keys.identity(id));
      return stored === null ? undefined : (JSON.parse(stored) as Identity);
    });
  }

  saveIdentity(identity: Identity, ttlMs: number): Promise<void> {
    const { id, name, createdAt, lastSeenAt } = identity;
    const json = JSON.stringify({ id, name, createdAt, lastSeenAt });
    return this.write(async () => {
      await this.redis.set(this.keys.identity(id), json, 'PX', ttlMs);
    });
  }

  claimName(key: string, identityId: string, holdUntil: number): Promise<NameClaim> {
    return this.write(async () => {
      const holderId = await this.scripts.claimName(this.keys.name(key), identityId, holdUntil);
      return holderId === null ? { held: true } : { held: false, holderId };
    });
  }

  releaseName(key: string, identityId: string): Promise<void> {
    return this.write(async () => {
      await this.scripts.releaseName(this.keys.name(key), identityId);
    });
  }

  mute(identityId: string, until: number): Promise<void> {
    const key = this.keys.mute(identityId);
    return this.write(async () => {
      // PXAT refuses 0, and a moment already past would expire the key at once anyway.
      if (until < Date.now()) await this.redis.del(key);
      else await this.redis.set(key, until, 'PXAT', until);
    });
  }

  mutedUntil(identityId: string): Promise<number> {
    return this.run(async () => Number((await this.redis.get(this.keys.mute(identityId))) ?? 0));
  }

  resetCounter(room: string): Promise<number> {
    return this.write(async () => {
      // Absent is 0: a reset room with no messages keeps no key.
      await this.redis.del(this.roomKey(room, 'count'));
      // Forget click ids, so a click retried after the reset counts once in the new count.
      const stream = this.redis.scanStream({ match: this.roomKey(room, 'click:*'), count: 1000 });
      for await (const keys of stream as AsyncIterable<string[]>) {
        if (keys.length) await this.redis.unlink(...keys);
      }
      return 0;
    });
  }

  messages(room: string, { before, after, limit }: MessageQuery): Promise<ChatMessage[]> {
    const history = this.roomKey(room, 'history');
    const upper = before === undefined ? '+inf' : `(${before}`;
    return this.run(async () => {
      if (after !== undefined) {
        const page = await this.redis.zrangebyscore(history, `(${after}`, upper, 'LIMIT', 0, limit);
        return page.map(toMessage);
      }
      const latest = await this.redis.zrevrangebyscore(history, upper, '-inf', 'LIMIT', 0, limit);
      return latest.reverse().map(toMessage);
    });
  }

  /** Reads the lobby's counter and newest message, as every welcome does (a PING proves less). */
  async check(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
    await this.run(() =>
      Promise.all([
        this.redis.get(this.roomKey(LOBBY, 'count')),
        this.redis.zrange(this.roomKey(LOBBY, 'history'), -1, -1),
      ]),
    );
  }

  /** Refuses new work; the connection itself belongs to RedisModule, which quits it. */
  async close(): Promise<void> {
    this.closed = true;
    this.replicas?.close();
  }

  /** The room's key of this name (see the class comment); `room` is a slug, `[a-z0-9-]`. */
  private roomKey(room: string, name: string): string {
    const { prefix } = this.options;
    return room === LOBBY ? `${prefix}${name}` : `${prefix}room:${room}:${name}`;
  }

  private findMessage(room: string, id: string): Promise<string | null> {
    return this.scripts.findMessage(
      this.roomKey(room, 'history'),
      this.roomKey(room, `message:${id}`),
      needle(id),
    );
  }

  /** Runs one Redis request, turning any failure into StoreUnavailableError with the reason. */
  private async run<T>(request: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
    try {
      return await request();
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      const reason = this.lastError?.message ?? (error as Error).message;
      throw new StoreUnavailableError(`Redis is unavailable: ${reason}`, { cause: error });
    }
  }

  /**
   * A write: applied, then confirmed by the replicas asked for, and only then heard of by
   * onCommit, so what is shown is what a failover keeps.
   */
  private async write<T>(request: () => Promise<T>, onCommit?: OnCommit<T>): Promise<T> {
    const result = await this.run(request);
    const replicas = this.replicas;
    if (replicas) await this.run(() => replicas.confirm());
    announceCommit(onCommit, result);
    return result;
  }
}

/**
 * A message as history and its id key store it: JSON with `seq` first (APPEND_ONCE puts it in
 * front of a draft's) and `id` right after, where `needle` looks. Absent fields (`authorId`,
 * `editedAt`) are left out, as on the messages stored before they existed.
 */
const storedJson = (message: MessageDraft & { seq?: number; editedAt?: string }): string =>
  JSON.stringify({
    seq: message.seq,
    id: message.id,
    author: message.author,
    text: message.text,
    sentAt: message.sentAt,
    authorId: message.authorId,
    editedAt: message.editedAt,
  });

/** What finds a message's JSON by its id without parsing it: the id field, commas around it. */
const needle = (id: string): string => `,"id":${JSON.stringify(id)},`;

const toMessage = (json: string): ChatMessage => JSON.parse(json) as ChatMessage;
