import type { Redis } from 'ioredis';
import type { ChatMessage } from '@live/shared-events';
import { announceCommit } from './commit-listener';
import {
  ID_TTL_MS,
  StoreUnavailableError,
  type AppendResult,
  type MessageDraft,
  type MessageQuery,
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
 * Stores a message once per id with the next cluster-wide seq, and trims history to its cap.
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
 * Deletes a message from history for good (moderation). KEYS: history, message id key.
 * ARGV: the `,"id":<json>,` needle to find it by, id TTL (ms). The id key becomes a tombstone
 * carrying the seq, so a retried append of the id is neither duplicated nor brought back.
 * Returns 1 when a message was deleted, 0 when none had the id.
 */
const DELETE_ONCE = `
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if string.find(member, ARGV[1], 1, true) then
    redis.call('ZREM', KEYS[1], member)
    local seq = cjson.decode(member).seq
    redis.call('SET', KEYS[2], '{"deleted":true,"seq":' .. tostring(seq) .. '}', 'PX', ARGV[2])
    return 1
  end
end
return 0
`;

interface StoreScripts {
  deleteOnce(history: string, idKey: string, needle: string, ttlMs: number): Promise<0 | 1>;
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
}

/**
 * The shared store for several instances: the counter is one INCR key, messages get their seq
 * from one INCR key and live in a capped sorted set scored by seq, and ids are remembered
 * with SET NX and a TTL. A write resolves once Redis has applied it (see docs/scaling.md for
 * what Redis persistence then adds).
 */
export class RedisStore implements Store {
  private readonly keys;
  private readonly scripts: StoreScripts;
  private lastError: Error | undefined;
  private closed = false;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisStoreOptions,
  ) {
    const p = options.prefix;
    this.keys = {
      count: `${p}count`,
      click: (id: string) => `${p}click:${id}`,
      seq: `${p}seq`,
      history: `${p}history`,
      message: (id: string) => `${p}message:${id}`,
    };
    redis.defineCommand('clickOnce', { numberOfKeys: 2, lua: CLICK_ONCE });
    redis.defineCommand('appendOnce', { numberOfKeys: 3, lua: APPEND_ONCE });
    redis.defineCommand('deleteOnce', { numberOfKeys: 2, lua: DELETE_ONCE });
    this.scripts = redis as unknown as StoreScripts;
    redis.on('error', (error: Error) => (this.lastError = error));
    redis.on('ready', () => (this.lastError = undefined));
  }

  // Redis answers once it has the write: committed and as durable as its persistence settings
  // make it, in one step, so onCommit hears the result just before the promise settles.
  click(id?: string, onCommit?: OnCommit<number>): Promise<number> {
    return this.run(
      () =>
        id === undefined
          ? this.redis.incr(this.keys.count)
          : this.scripts.clickOnce(this.keys.count, this.keys.click(id), ID_TTL_MS),
      onCommit,
    );
  }

  count(): Promise<number> {
    return this.run(async () => Number((await this.redis.get(this.keys.count)) ?? 0));
  }

  append(draft: MessageDraft): Promise<AppendResult> {
    return this.run(async () => {
      const withoutSeq = JSON.stringify({
        id: draft.id,
        author: draft.author,
        text: draft.text,
        sentAt: draft.sentAt,
      });
      const [created, message] = await this.scripts.appendOnce(
        this.keys.seq,
        this.keys.history,
        this.keys.message(draft.id),
        withoutSeq,
        ID_TTL_MS,
        this.options.historyCap,
      );
      const stored = JSON.parse(message) as ChatMessage | { deleted: true; seq: number };
      if ('deleted' in stored) return { created: false, deleted: true };
      return { message: stored, created: created === 1 };
    });
  }

  delete(id: string): Promise<boolean> {
    return this.run(async () => {
      const needle = `,"id":${JSON.stringify(id)},`;
      const deleted = await this.scripts.deleteOnce(
        this.keys.history,
        this.keys.message(id),
        needle,
        ID_TTL_MS,
      );
      return deleted === 1;
    });
  }

  resetCounter(): Promise<number> {
    return this.run(async () => {
      await this.redis.set(this.keys.count, 0);
      // Forget click ids, so a click retried after the reset counts once in the new count.
      const stream = this.redis.scanStream({ match: `${this.options.prefix}click:*`, count: 1000 });
      for await (const keys of stream as AsyncIterable<string[]>) {
        if (keys.length) await this.redis.unlink(...keys);
      }
      return 0;
    });
  }

  messages({ before, after, limit }: MessageQuery): Promise<ChatMessage[]> {
    const upper = before === undefined ? '+inf' : `(${before}`;
    return this.run(async () => {
      if (after !== undefined) {
        const page = await this.redis.zrangebyscore(
          this.keys.history,
          `(${after}`,
          upper,
          'LIMIT',
          0,
          limit,
        );
        return page.map(toMessage);
      }
      const latest = await this.redis.zrevrangebyscore(
        this.keys.history,
        upper,
        '-inf',
        'LIMIT',
        0,
        limit,
      );
      return latest.reverse().map(toMessage);
    });
  }

  /** Reads the counter and the newest message, as every welcome does (a PING proves less). */
  async check(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
    await this.run(() =>
      Promise.all([this.redis.get(this.keys.count), this.redis.zrange(this.keys.history, -1, -1)]),
    );
  }

  /** Refuses new work; the connection itself belongs to RedisModule, which quits it. */
  async close(): Promise<void> {
    this.closed = true;
  }

  /** Runs one Redis request, turning any failure into StoreUnavailableError with the reason. */
  private async run<T>(request: () => Promise<T>, onCommit?: OnCommit<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
    let result: T;
    try {
      result = await request();
    } catch (error) {
      const reason = this.lastError?.message ?? (error as Error).message;
      throw new StoreUnavailableError(`Redis is unavailable: ${reason}`, { cause: error });
    }
    announceCommit(onCommit, result);
    return result;
  }
}

const toMessage = (json: string): ChatMessage => JSON.parse(json) as ChatMessage;
