import type { ChatMessage, CounterReset, MessageDeleted } from '@live/shared-events';
import {
  client,
  closeClients,
  connected,
  eventually,
  captureLogs,
  metricsText,
  next,
  removeDataDir,
  record,
  serveEachTest,
  startApp,
  untyped,
  useServers,
} from './harness';

const TOKEN = 'operator-token-0123456789abcdef-ghijkl';

describe('moderation', () => {
  const server = serveEachTest({ ADMIN_TOKEN: TOKEN });

  const moderator = () => connected(server().url, { auth: { name: 'Mod', token: TOKEN } });

  it('marks the holder of the operator token as a moderator, and no one else', async () => {
    expect((await moderator()).welcome.you.moderator).toBe(true);
    expect((await connected(server().url, { auth: { name: 'Ada' } })).welcome.you.moderator).toBe(
      false,
    );
  });

  it.each([
    ['a wrong token', 'operator-token-0123456789abcdef-ghijkX'],
    ['a prefix of the token', TOKEN.slice(0, 10)],
    ['an empty token', ''],
    ['a non-string token', 42],
  ])('refuses %s at connect with a clear connect_error', async (_, token) => {
    const socket = client(server().url, { auth: { name: 'Eve', token } });
    const error = await next<Error & { data?: unknown }>(socket, 'connect_error');
    expect(error.message).toBe('Invalid moderator token');
    expect(error.data).toEqual({ code: 'FORBIDDEN' });
    expect(socket.connected).toBe(false);
  });

  it('deletes a message: everyone is told, it is gone from history and welcome, a retry does not bring it back', async () => {
    const { socket: ada } = await connected(server().url, { auth: { name: 'Ada' } });
    const { socket: mod } = await moderator();
    const deletions = record<MessageDeleted>(ada, 'message:deleted');
    const spam = await ada.emitWithAck('message', { text: 'buy now', id: 'spam-1' });
    await ada.emitWithAck('message', { text: 'hello', id: 'keep-1' });
    if (!spam.ok) throw new Error('not stored');

    expect(await mod.emitWithAck('message:delete', { id: 'spam-1' })).toEqual({
      ok: true,
      id: 'spam-1',
      deleted: true,
    });
    await eventually(() => deletions.length === 1);
    expect(deletions).toEqual([{ id: 'spam-1' }]);

    const history = await ada.emitWithAck('history', {});
    expect(history.ok && history.messages.map((m) => m.id)).toEqual(['keep-1']);
    expect((await connected(server().url)).welcome.messages.map((m) => m.id)).toEqual(['keep-1']);

    // The spammer's client retries with the same id: nothing is stored or broadcast again, and
    // the ack says the message was deleted (test/deleted-message-id.spec.ts has the detail).
    const broadcasts = record<ChatMessage>(ada, 'message');
    const retried = await ada.emitWithAck('message', { text: 'buy now', id: 'spam-1' });
    expect(!retried.ok && retried.error.code).toBe('DELETED');
    const after = await ada.emitWithAck('history', {});
    expect(after.ok && after.messages.map((m) => m.id)).toEqual(['keep-1']);
    expect(broadcasts).toEqual([]);

    // Deleting again is harmless and tells no one.
    expect(await mod.emitWithAck('message:delete', { id: 'spam-1' })).toEqual({
      ok: true,
      id: 'spam-1',
      deleted: false,
    });
  });

  it('resets the counter: everyone gets counter:reset and click 0, and counting starts again', async () => {
    const { socket: ada } = await connected(server().url);
    const { socket: mod } = await moderator();
    for (let i = 0; i < 5; i++) await ada.emitWithAck('click', {});
    const resets = record<CounterReset>(ada, 'counter:reset');
    const clicks = record<number>(ada, 'click');

    expect(await mod.emitWithAck('counter:reset', null)).toEqual({ ok: true, count: 0 });
    await eventually(() => resets.length === 1 && clicks.includes(0));
    expect(resets).toEqual([{ count: 0 }]);
    expect(await ada.emitWithAck('click', {})).toEqual({ ok: true, count: 1 });
    expect((await connected(server().url)).welcome.count).toBe(1);
  });

  it('accepts a reset sent the tutorial way, with no payload', async () => {
    const { socket: mod } = await moderator();
    await mod.emitWithAck('click', {});
    expect(await untyped(mod).emitWithAck('counter:reset')).toEqual({ ok: true, count: 0 });
  });

  it('answers FORBIDDEN to everyone else and changes nothing, valid payload or not', async () => {
    const { socket: bo } = await connected(server().url, { auth: { name: 'Bo' } });
    await bo.emitWithAck('message', { text: 'mine', id: 'mine-1' });
    const { socket: ada } = await connected(server().url, { auth: { name: 'Ada' } });
    await ada.emitWithAck('click', {});
    const FORBIDDEN = {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only a moderator may do this' },
    };
    // Someone else's message (an author may delete their own: identity.spec.ts).
    expect(await ada.emitWithAck('message:delete', { id: 'mine-1' })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Only its author or a moderator may delete this message',
      },
    });
    expect(await untyped(ada).emitWithAck('message:delete', 'garbage')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await ada.emitWithAck('counter:reset', null)).toEqual(FORBIDDEN);
    untyped(ada).emit('counter:reset');
    expect(await next(ada, 'exception')).toEqual({ status: 'error', ...FORBIDDEN.error });

    const { welcome } = await connected(server().url);
    expect(welcome.count).toBe(1);
    expect(welcome.messages.map((m) => m.id)).toEqual(['mine-1']);

    const metrics = await metricsText(server().url);
    expect(metrics).toMatch(/^live_events_total\{event="message:delete",result="FORBIDDEN"\} 1$/m);
    expect(metrics).toMatch(/^live_events_total\{event="counter:reset",result="FORBIDDEN"\} 2$/m);
  });

  it('validates a moderator payload', async () => {
    const { socket: mod } = await moderator();
    expect(await untyped(mod).emitWithAck('message:delete', { id: 5 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'id must be a string' },
    });
  });
});

describe('moderation off (no ADMIN_TOKEN)', () => {
  const start = useServers();

  it('refuses every token and forbids moderator events', async () => {
    const server = await start();
    const socket = client(server.url, { auth: { token: TOKEN } });
    expect((await next<Error>(socket, 'connect_error')).message).toBe('Invalid moderator token');
    const { socket: ada, welcome } = await connected(server.url);
    expect(welcome.you.moderator).toBe(false);
    expect(await ada.emitWithAck('counter:reset', null)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('the operator token in logs', () => {
  it('is never written, whether right or wrong, at the most verbose level', async () => {
    const logs = captureLogs('trace');
    const server = await startApp({ ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'trace' }, logs.logger);
    const url = server.url;
    try {
      const { socket: mod } = await connected(url, { auth: { token: TOKEN } });
      await mod.emitWithAck('counter:reset', null);
      const wrong = `${TOKEN.slice(0, -1)}Z`;
      await next(client(url, { auth: { token: wrong } }), 'connect_error');
      mod.close();
      await eventually(() => logs.text().includes('"disconnected"'));
      expect(logs.text()).toContain('1 failed moderator token from 127.0.0.1');
      expect(logs.text()).not.toContain(TOKEN);
      expect(logs.text()).not.toContain(wrong);
      expect(logs.text()).not.toContain(TOKEN.slice(0, 12));
    } finally {
      closeClients();
      await server.close();
      removeDataDir(server.dataDir);
    }
  });
});
