import fc from 'fast-check';
import { ERROR_CODES, LIMITS, type ChatMessage, type MessageDeleted } from '@live/shared-events';
import {
  closeClients,
  connected,
  eventually,
  record,
  removeDataDir,
  startApp,
  untyped,
  type Client,
  type Running,
} from './harness';

// Property-based fuzzing of every inbound event against the real app (in this process, so
// prototype pollution would show here too). The model of what was accepted lives across runs.
const TOKEN = 'fuzz-operator-token-0123456789abcdef';
const RUNS = 120;

const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'text',
  'id',
  'author',
  'seq',
  'before',
  'after',
  'limit',
);

/** Nests `leaf` `depth` levels deep in arrays and objects (JSON.parse handles it; does zod?). */
const deep = fc
  .tuple(fc.integer({ min: 20, max: 2000 }), fc.boolean(), fc.anything({ maxDepth: 0 }))
  .map(([depth, arrays, leaf]) => {
    let value: unknown = leaf;
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { text: value };
    return value;
  });

const huge = fc
  .tuple(fc.integer({ min: 1001, max: 12_000 }), fc.constantFrom('x', ' ', 'é', '\u202E', '<b>'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

const binary = fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes));

/** Anything a hostile client could put in one argument. */
const hostile = fc.oneof(
  fc.anything({
    key: fc.oneof(fc.string(), hostileKey),
    maxDepth: 4,
    withNullPrototype: true,
    withTypedArray: true,
    withBoxedValues: true,
    withObjectString: true,
    withUnicodeString: true,
  }),
  fc.dictionary(hostileKey, fc.anything({ maxDepth: 2 })),
  fc.record({ text: fc.oneof(fc.string(), huge, fc.anything()), id: fc.anything() }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"text":"proto","id":"p-1"}')),
  fc.constant(JSON.parse('{"constructor":{"prototype":{"polluted":true}},"text":"c"}')),
  deep,
  huge,
  binary,
);

const safeId = fc.stringMatching(/^[\x21-\x7E]{1,64}$/);

/** Sometimes-valid payloads, so acceptance paths are fuzzed too. */
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  click: fc.oneof(fc.constant(null), fc.constant({}), fc.record({ id: safeId })),
  message: fc.oneof(
    fc.string({ minLength: 1, maxLength: 1100 }),
    fc.record({ text: fc.string({ minLength: 0, maxLength: 1100 }), id: safeId }),
  ),
  history: fc.record(
    {
      before: fc.integer({ min: -2, max: 500 }),
      after: fc.integer({ min: -2, max: 500 }),
      limit: fc.integer({ min: -1, max: 120 }),
    },
    { requiredKeys: [] },
  ),
  typing: fc.boolean(),
  'message:delete': fc.record({ id: safeId }),
  'message:edit': fc.record({ id: safeId, text: fc.string({ minLength: 0, maxLength: 1100 }) }),
  'user:rename': fc.record({ name: fc.string({ minLength: 0, maxLength: 40 }) }),
  'user:mute': fc.record({
    userId: fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
    minutes: fc.integer({ min: -1, max: 20_000 }),
  }),
  'user:unmute': fc.record({ userId: fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/) }),
  'counter:reset': fc.constantFrom(null, {}),
};

/** What only a moderator may send: anyone else is answered FORBIDDEN. */
const MODERATORS_ONLY = new Set(['counter:reset', 'user:mute', 'user:unmute']);

/** Roughly the packet's size; a packet over 64 KB drops the connection (tested elsewhere). */
const approximateBytes = (args: unknown[]) =>
  Buffer.byteLength(
    JSON.stringify(args, (_key, value: unknown) =>
      ArrayBuffer.isView(value) ? 'x'.repeat(value.byteLength) : value,
    ) ?? '',
  );

/** 0–4 arguments, each hostile or plausible for the event, in one packet under the limit. */
const argumentsFor = (event: string) =>
  fc
    .array(fc.oneof(hostile, plausible[event] ?? hostile), { minLength: 0, maxLength: 4 })
    .filter((args) => approximateBytes(args) < LIMITS.maxPacketBytes * 0.8);

/** The names the fuzzer went by (user:rename changes it); every message is under one of them. */
const names = new Set(['Fuzzer']);

const isWellFormed = (m: ChatMessage, authorId: string) =>
  typeof m.id === 'string' &&
  /^[\x21-\x7E]{1,64}$/.test(m.id) &&
  Number.isSafeInteger(m.seq) &&
  m.seq > 0 &&
  names.has(m.author) &&
  m.authorId === authorId &&
  typeof m.text === 'string' &&
  m.text === m.text.trim() &&
  m.text.length >= LIMITS.messageMinLength &&
  m.text.length <= LIMITS.messageMaxLength &&
  new Date(m.sentAt).toISOString() === m.sentAt &&
  (m.editedAt === undefined || new Date(m.editedAt).toISOString() === m.editedAt) &&
  Object.keys(m)
    .filter((key) => key !== 'editedAt')
    .sort()
    .join() === 'author,authorId,id,sentAt,seq,text';

const CODES = new Set<string>(Object.values(ERROR_CODES));
const isFailure = (r: unknown) => {
  const res = r as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return (
    res.ok === false && CODES.has(String(res.error?.code)) && typeof res.error?.message === 'string'
  );
};

describe('fuzzing every inbound event against the real gateway', () => {
  let server: Running;
  let fuzzer: Client;
  let moderator: Client;
  let observer: Client;
  /** The fuzzer's identity; its moderator tab is the same person. */
  let fuzzerId: string;
  let broadcasts: ChatMessage[];
  let clickBroadcasts: number[];
  let deletions: MessageDeleted[];
  /** The model: what the server accepted. */
  let count = 0;
  const stored = new Map<string, ChatMessage>();
  /** Click ids counted since the last reset, with the count each was acked with. */
  const clickIds = new Map<string, number>();
  const deletedIds = new Set<string>();

  beforeAll(async () => {
    server = await startApp({
      ADMIN_TOKEN: TOKEN,
      RATE_CLICK_BURST: '100000',
      RATE_MESSAGE_BURST: '100000',
      RATE_HISTORY_BURST: '100000',
      RATE_TYPING_BURST: '100000',
    });
    ({ socket: observer } = await connected(server.url, { auth: { name: 'Observer' } }));
    const joined = await connected(server.url, { auth: { name: 'Fuzzer' } });
    fuzzer = joined.socket;
    fuzzerId = joined.welcome.you.userId ?? '';
    ({ socket: moderator } = await connected(server.url, {
      auth: { name: 'Fuzzer', token: TOKEN, session: joined.welcome.session ?? '' },
    }));
    broadcasts = record<ChatMessage>(observer, 'message');
    clickBroadcasts = record<number>(observer, 'click');
    deletions = record<MessageDeleted>(observer, 'message:deleted');
  });

  afterAll(async () => {
    closeClients();
    await server.close();
    removeDataDir(server.dataDir);
  });

  /** Sends `args` with an ack and checks the answer's shape; returns it (or undefined: no ack). */
  async function send(socket: Client, event: string, args: unknown[]): Promise<unknown> {
    // A valid typing answers nothing, nor does an unknown event: no need to wait long there.
    const quiet = event === 'typing' || event === 'nonsense';
    try {
      const result = await untyped(socket.timeout(quiet ? 100 : 3000)).emitWithAck(event, ...args);
      expect(
        result === undefined || isFailure(result) || (result as { ok: unknown }).ok === true,
      ).toBe(true);
      return result;
    } catch {
      expect(quiet).toBe(true);
      return undefined;
    }
  }

  function accept(event: string, args: unknown[], result: unknown, socket: Client) {
    const res = result as {
      ok?: boolean;
      count?: number;
      message?: ChatMessage;
      id?: string;
      deleted?: boolean;
    };
    if (res?.ok !== true) return;
    if (event === 'click') {
      const id = (args[0] as { id?: unknown } | null)?.id;
      const seen = typeof id === 'string' ? clickIds.get(id) : undefined;
      // A click id counted before is a retry: acked with its original count, not counted again.
      if (seen !== undefined) return expect(res.count).toBe(seen);
      count += 1;
      expect(res.count).toBe(count);
      if (typeof id === 'string') clickIds.set(id, count);
    } else if (event === 'message' && res.message) {
      expect(isWellFormed(res.message, fuzzerId)).toBe(true);
      // A retried id returns the stored (or deleted) message and stores nothing.
      if (!stored.has(res.message.id) && !deletedIds.has(res.message.id)) {
        stored.set(res.message.id, res.message);
      }
    } else if (event === 'message:edit' && res.message) {
      // Only a message that is stored can be edited; its id and seq stay.
      expect(stored.get(res.message.id)?.seq).toBe(res.message.seq);
      expect(isWellFormed(res.message, fuzzerId)).toBe(true);
      stored.set(res.message.id, res.message);
    } else if (event === 'message:delete') {
      // Every message is the fuzzer's own, so both its tabs may delete them.
      expect(res.deleted).toBe(stored.delete(String(res.id)));
      deletedIds.add(String(res.id));
    } else if (event === 'user:rename') {
      names.add((res as { name: string }).name);
    } else if (event === 'counter:reset') {
      expect(socket).toBe(moderator);
      count = 0;
      clickIds.clear();
    }
  }

  it.each([
    'click',
    'message',
    'history',
    'typing',
    'message:edit',
    'message:delete',
    'user:rename',
    'counter:reset',
    'user:mute',
    'user:unmute',
    'nonsense',
  ])(
    '`%s`: random payloads and argument counts never crash, and only accepted requests change data',
    async (event) => {
      await fc.assert(
        fc.asyncProperty(argumentsFor(event), fc.boolean(), async (args, asModerator) => {
          const socket = asModerator && event.includes(':') ? moderator : fuzzer;
          const result = await send(socket, event, args);
          if (event === 'nonsense') expect(result).toBeUndefined();
          if (MODERATORS_ONLY.has(event) && socket === fuzzer) {
            expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          }
          accept(event, args, result, socket);
          expect(fuzzer.connected && moderator.connected).toBe(true);
        }),
        { numRuns: event === 'nonsense' ? 30 : RUNS, timeout: 5000, endOnFailure: true },
      );
    },
    60_000,
  );

  it('leaves the process whole: the model matches what is stored and what was broadcast', async () => {
    // No prototype was polluted in this process (the server runs here).
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);

    const { socket, welcome } = await connected(server.url);
    expect(welcome.count).toBe(count);

    const all: ChatMessage[] = [];
    for (let after = 0; ;) {
      const page = await socket.emitWithAck('history', { after, limit: 100 });
      if (!page.ok || page.messages.length === 0) break;
      all.push(...page.messages);
      after = page.messages[page.messages.length - 1].seq;
    }
    expect(all.every((m) => isWellFormed(m, fuzzerId))).toBe(true);
    expect(all.map((m) => m.text)).toEqual(all.map((m) => stored.get(m.id)?.text));
    expect(new Set(all.map((m) => m.id))).toEqual(new Set(stored.keys()));

    // Every broadcast message was well-formed and accepted; deletions named accepted ones.
    await eventually(() => clickBroadcasts.at(-1) === count);
    expect(broadcasts.every((m) => isWellFormed(m, fuzzerId))).toBe(true);
    const deleted = new Set(deletions.map((d) => d.id));
    expect(new Set(broadcasts.map((m) => m.id).filter((id) => !deleted.has(id)))).toEqual(
      new Set(stored.keys()),
    );
    expect(clickBroadcasts.every((n) => Number.isSafeInteger(n) && n >= 0)).toBe(true);
    expect(stored.size).toBeGreaterThan(0);
  });
});
