import type { ChatMessage } from '@live/shared-events';
import { connected, eventually, record, serveEachTest } from './harness';

const TOKEN = 'deleted-id-test-operator-token-0123456789abcdef';

describe('a deleted message id', () => {
  const server = serveEachTest({ ADMIN_TOKEN: TOKEN });

  it('cannot be reused: a repost answers DELETED, carries no text that was never stored, and stores nothing', async () => {
    const { socket: ada } = await connected(server().url, { auth: { name: 'Ada' } });
    const { socket: mod } = await connected(server().url, { auth: { name: 'Mod', token: TOKEN } });
    const { socket: bob } = await connected(server().url, { auth: { name: 'Bob' } });
    expect((await ada.emitWithAck('message', { text: 'buy now', id: 'reused-1' })).ok).toBe(true);
    expect(await mod.emitWithAck('message:delete', { id: 'reused-1' })).toMatchObject({
      deleted: true,
    });
    const broadcasts = record<ChatMessage>(bob, 'message');

    const repost = await ada.emitWithAck('message', { text: 'something new', id: 'reused-1' });
    expect(repost).toEqual({
      ok: false,
      error: {
        code: 'DELETED',
        message: 'That message was deleted; send it again as a new message',
      },
    });

    // Nothing was stored or broadcast for it; the next message goes out as usual.
    const history = await ada.emitWithAck('history', {});
    expect(history.ok && history.messages).toEqual([]);
    await ada.emitWithAck('message', { text: 'later', id: 'later-1' });
    await eventually(() => broadcasts.length === 1);
    expect(broadcasts.map((m) => m.id)).toEqual(['later-1']);
  });
});
