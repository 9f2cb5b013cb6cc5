import { FakeSocket } from '../testing/fakeSocket';
import { rateLimited } from '../testing/serverRefusals';
import { ACK_TIMEOUT_MS, emitWithAck } from './emitWithAck';

function connectedSocket() {
  const socket = new FakeSocket();
  socket.connected = true;
  return socket;
}

describe('emitWithAck', () => {
  it('resolves with the server’s ack', async () => {
    const socket = connectedSocket();
    const pending = emitWithAck(socket.asSocket(), 'click', {});
    await socket.ack('click', { ok: true, count: 42 });
    await expect(pending).resolves.toEqual({ ok: true, count: 42 });
    expect(socket.listenerCount('disconnect')).toBe(0);
  });

  it('resolves with the server’s refusal as it is', async () => {
    const socket = connectedSocket();
    const pending = emitWithAck(socket.asSocket(), 'message', { text: 'hi', id: 'a' });
    const refusal = rateLimited('message', 2000);
    await socket.ack('message', refusal);
    await expect(pending).resolves.toEqual(refusal);
  });

  it('gives up with TIMEOUT when no answer comes, and ignores a late one', async () => {
    jest.useFakeTimers();
    const socket = connectedSocket();
    const pending = emitWithAck(socket.asSocket(), 'history', { after: 3 });

    jest.advanceTimersByTime(ACK_TIMEOUT_MS);

    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(socket.listenerCount('disconnect')).toBe(0);
    await socket.ack('history', { ok: true, messages: [] });
    await expect(pending).resolves.toMatchObject({ ok: false });
  });

  it('fails at once with OFFLINE, sending nothing, when not connected', async () => {
    const socket = new FakeSocket();
    await expect(emitWithAck(socket.asSocket(), 'click', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'OFFLINE' },
    });
    expect(socket.emitted).toEqual([]);
  });

  it('fails with OFFLINE when the connection drops before the answer', async () => {
    const socket = connectedSocket();
    const pending = emitWithAck(socket.asSocket(), 'click', {});
    await socket.drop();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(socket.listenerCount('disconnect')).toBe(0);
  });
});
