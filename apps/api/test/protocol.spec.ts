import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatMessage, ExceptionPayload, Presence, TypingNotice } from '@live/shared-events';
import { client, connected, eventually, next, record, serveEachTest, untyped } from './harness';

describe('protocol v1 over a real server', () => {
  const server = serveEachTest();

  describe('handshake and welcome', () => {
    it('welcomes with the chosen name, the count, the latest messages and who is online', async () => {
      const { socket, welcome } = await connected(server().url, { auth: { name: '  Ada  ' } });
      const userId = welcome.you.userId ?? '';
      expect(welcome).toEqual({
        you: { id: socket.id, name: 'Ada', moderator: false, userId },
        count: 0,
        messages: [],
        online: 1,
        session: expect.stringMatching(new RegExp(`^${userId}\\.`)),
        people: { people: [{ id: userId, name: 'Ada', moderator: false }], total: 1 },
        editWindowMs: 15 * 60_000,
        room: 'lobby',
      });
    });

    it('trims a name and keeps one of exactly 32 characters', async () => {
      const name = `  ${'n'.repeat(32)}  `;
      expect((await connected(server().url, { auth: { name } })).welcome.you.name).toBe(
        'n'.repeat(32),
      );
    });

    it('assigns a guest name when none is given', async () => {
      const { welcome } = await connected(server().url);
      expect(welcome.you.name).toMatch(/^Guest \d{4}$/);
    });

    it.each([
      ['   ', 'Name must not be empty'],
      ['x'.repeat(33), 'Name must be at most 32 characters'],
      ['Ada\u0007', 'Name must not contain control or bidirectional-override characters'],
      ['evil\u202Egnp.exe', 'Name must not contain control or bidirectional-override characters'],
      ['a\u2066b\u2069', 'Name must not contain control or bidirectional-override characters'],
      [42, 'Name must be a string'],
    ])('refuses the name %j with a connect_error that says why', async (name, reason) => {
      const error = await next<Error & { data?: unknown }>(
        client(server().url, { auth: { name } }),
        'connect_error',
      );
      expect(error.message).toBe(reason);
      expect(error.data).toEqual({ code: 'VALIDATION' });
    });

    it('welcomes again on every reconnect, with the latest state', async () => {
      const { socket } = await connected(server().url, { auth: { name: 'Ada' } });
      await socket.emitWithAck('click', {});
      socket.disconnect();
      socket.connect();
      const again = await next<{ count: number; you: { name: string } }>(socket, 'welcome');
      expect(again).toMatchObject({ count: 1, you: { name: 'Ada' } });
    });

    it('sends the latest 50 messages, oldest first', async () => {
      const { socket } = await connected(server().url);
      for (let i = 1; i <= 55; i++) await socket.emitWithAck('message', { text: `m${i}` });
      const { welcome } = await connected(server().url);
      expect(welcome.messages).toHaveLength(50);
      expect(welcome.messages[0].text).toBe('m6');
      expect(welcome.messages[49].text).toBe('m55');
    });
  });

  describe('a client written like the tutorial', () => {
    it('clicks without payload or ack and everyone sees the count', async () => {
      const { socket: tutorial } = await connected(server().url);
      const { socket: other } = await connected(server().url);
      const counts = record<number>(other, 'click');
      const own = record<number>(tutorial, 'click');
      untyped(tutorial).emit('click');
      await eventually(() => counts.at(-1) === 1 && own.at(-1) === 1);
    });

    it('sends a plain string message that everyone receives', async () => {
      const { socket: tutorial } = await connected(server().url, { auth: { name: 'Tut' } });
      const { socket: other } = await connected(server().url);
      untyped(tutorial).emit('message', 'Hello from client');
      const message = await next<ChatMessage>(other, 'message');
      expect(message).toMatchObject({ author: 'Tut', text: 'Hello from client', seq: 1 });
    });

    it('works over HTTP long-polling too', async () => {
      const { socket } = await connected(server().url, { transports: ['polling'] });
      expect(socket.io.engine.transport.name).toBe('polling');
      untyped(socket).emit('click');
      expect(await next(socket, 'click')).toBe(1);
    });
  });

  describe('click', () => {
    it('acks each click with the exact count after it', async () => {
      const { socket } = await connected(server().url);
      expect(await socket.emitWithAck('click', {})).toEqual({ ok: true, count: 1 });
      expect(await socket.emitWithAck('click', undefined)).toEqual({ ok: true, count: 2 });
    });

    it('counts a retried click id once and acks it with its original count', async () => {
      const { socket } = await connected(server().url);
      expect(await socket.emitWithAck('click', { id: 'c-1' })).toEqual({ ok: true, count: 1 });
      expect(await socket.emitWithAck('click', { id: 'c-2' })).toEqual({ ok: true, count: 2 });
      expect(await socket.emitWithAck('click', { id: 'c-1' })).toEqual({ ok: true, count: 1 });
      const { welcome } = await connected(server().url);
      expect(welcome.count).toBe(2);
    });

    it('counts 100 concurrent clicks from several clients exactly, and every client ends on 100', async () => {
      const sockets = await Promise.all(Array.from({ length: 5 }, () => connected(server().url)));
      const seen = sockets.map(({ socket }) => record<number>(socket, 'click'));
      const acks = await Promise.all(
        sockets.flatMap(({ socket }) =>
          Array.from({ length: 20 }, () => socket.emitWithAck('click', {})),
        ),
      );
      const counts = acks.map((ack) => (ack.ok ? ack.count : -1)).sort((a, b) => a - b);
      expect(counts).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      // How soon they get there is the bench's fan-out figure (tools/bench), not a pass/fail here.
      await eventually(() =>
        expect(seen.map((values) => values.at(-1))).toEqual([100, 100, 100, 100, 100]),
      );
    });

    it('coalesces broadcasts: a burst of clicks yields far fewer deliveries, ending on the final count', async () => {
      const { socket } = await connected(server().url);
      const { socket: watcher } = await connected(server().url);
      const seen = record<number>(watcher, 'click');
      await Promise.all(Array.from({ length: 50 }, () => socket.emitWithAck('click', {})));
      await eventually(() => seen.at(-1) === 50);
      // Asserts that no late broadcast arrives: only waiting a while can show that.
      await sleep(50);
      expect(seen.length).toBeLessThan(10);
      expect(seen.at(-1)).toBe(50);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    });
  });

  describe('message', () => {
    it('acks with the stored message and broadcasts it to everyone, sender included', async () => {
      const { socket, welcome } = await connected(server().url, { auth: { name: 'Ada' } });
      const { socket: other } = await connected(server().url);
      const echoed = next<ChatMessage>(socket, 'message');
      const received = next<ChatMessage>(other, 'message');
      const ack = await socket.emitWithAck('message', { text: 'hi', id: 'm-1' });
      expect(ack).toEqual({
        ok: true,
        message: {
          id: 'm-1',
          seq: 1,
          author: 'Ada',
          authorId: welcome.you.userId,
          text: 'hi',
          sentAt: expect.any(String),
        },
      });
      if (!ack.ok) throw new Error('unreachable');
      expect(new Date(ack.message.sentAt).toISOString()).toBe(ack.message.sentAt);
      expect(await received).toEqual(ack.message);
      expect(await echoed).toEqual(ack.message);
    });

    it('takes the author from the handshake, never from the payload', async () => {
      const { socket } = await connected(server().url, { auth: { name: 'Ada' } });
      const ack = await socket.emitWithAck('message', { text: 'hi', author: 'admin' } as never);
      expect(ack.ok && ack.message.author).toBe('Ada');
    });

    it('stores and sends HTML verbatim, as text', async () => {
      const { socket } = await connected(server().url);
      const text = '<b>hi</b> <script>alert(1)</script> &amp;';
      const ack = await socket.emitWithAck('message', text);
      expect(ack.ok && ack.message.text).toBe(text);
      const history = await socket.emitWithAck('history', {});
      expect(history.ok && history.messages[0].text).toBe(text);
    });

    it('returns the stored message for a retried id and broadcasts nothing', async () => {
      const { socket } = await connected(server().url);
      const { socket: other } = await connected(server().url);
      const broadcasts = record<ChatMessage>(other, 'message');
      const first = await socket.emitWithAck('message', { text: 'once', id: 'retry-me' });
      const again = await socket.emitWithAck('message', { text: 'once', id: 'retry-me' });
      expect(again).toEqual(first);
      await eventually(() => expect(broadcasts).toHaveLength(1));
      // Asserts that the retry broadcasts nothing: only waiting a while can show that.
      await sleep(50);
      expect(broadcasts).toHaveLength(1);
      const history = await socket.emitWithAck('history', {});
      expect(history.ok && history.messages).toHaveLength(1);
    });

    it('gives strictly increasing seq numbers', async () => {
      const { socket } = await connected(server().url);
      const acks = await Promise.all(
        Array.from({ length: 10 }, (_, i) => socket.emitWithAck('message', `n${i}`)),
      );
      const seqs = acks.map((ack) => (ack.ok ? ack.message.seq : 0));
      expect(new Set(seqs).size).toBe(10);
      const history = await socket.emitWithAck('history', {});
      const stored = history.ok ? history.messages.map((m) => m.seq) : [];
      expect(stored).toEqual([...stored].sort((a, b) => a - b));
    });
  });

  describe('history', () => {
    let socket: Awaited<ReturnType<typeof connected>>['socket'];

    beforeEach(async () => {
      ({ socket } = await connected(server().url, { auth: { name: 'Ada' } }));
      for (let i = 1; i <= 120; i++) await socket.emitWithAck('message', `m${i}`);
    });

    const seqsOf = async (query: object) => {
      const result = await socket.emitWithAck('history', query);
      if (!result.ok) throw new Error(result.error.message);
      return result.messages.map((message) => message.seq);
    };
    const range = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i);

    it('returns the latest 50 by default, oldest first', async () => {
      expect(await seqsOf({})).toEqual(range(71, 120));
    });

    it('pages backwards with an exclusive `before`', async () => {
      expect(await seqsOf({ before: 71, limit: 10 })).toEqual(range(61, 70));
    });

    it('catches up forwards with an exclusive `after`', async () => {
      expect(await seqsOf({ after: 115 })).toEqual(range(116, 120));
      expect(await seqsOf({ after: 10, limit: 3 })).toEqual([11, 12, 13]);
    });

    it('allows up to 100 per page', async () => {
      expect(await seqsOf({ limit: 100 })).toEqual(range(21, 120));
    });
  });

  describe('typing and presence', () => {
    it('tells everyone but the typist', async () => {
      const { socket: ada } = await connected(server().url, { auth: { name: 'Ada' } });
      const { socket: bo } = await connected(server().url, { auth: { name: 'Bo' } });
      const own = record<TypingNotice>(ada, 'typing');
      ada.emit('typing', true);
      expect(await next<TypingNotice>(bo, 'typing')).toEqual({ name: 'Ada', typing: true });
      ada.emit('typing', false);
      expect(await next<TypingNotice>(bo, 'typing')).toEqual({ name: 'Ada', typing: false });
      expect(own).toEqual([]);
    });

    it('broadcasts the online count as people come and go', async () => {
      const { socket: ada } = await connected(server().url);
      const seen = record<Presence>(ada, 'presence');
      const { socket: bo, welcome } = await connected(server().url);
      expect(welcome.online).toBe(2);
      await eventually(() => seen.at(-1)?.online === 2);
      bo.disconnect();
      await eventually(() => seen.at(-1)?.online === 1);
    });

    it('coalesces presence when many connect at once', async () => {
      const { socket: watcher } = await connected(server().url);
      const seen = record<Presence>(watcher, 'presence');
      await Promise.all(Array.from({ length: 30 }, () => connected(server().url)));
      await eventually(() => seen.at(-1)?.online === 31);
      expect(seen.length).toBeLessThan(15);
    });
  });

  it('ignores unknown events and keeps serving', async () => {
    const { socket } = await connected(server().url);
    const exceptions = record<ExceptionPayload>(socket, 'exception');
    untyped(socket).emit('nonsense', { a: 1 });
    expect(await socket.emitWithAck('click', {})).toEqual({ ok: true, count: 1 });
    expect(exceptions).toEqual([]);
  });
});
