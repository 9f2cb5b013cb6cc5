import { jest } from '@jest/globals';
import type { LiveSocket } from '../socket/live-socket';
import { handshake, handshakeAuthOf } from './handshake';

function connect(auth: unknown) {
  const socket = { handshake: { auth }, data: {} } as unknown as LiveSocket;
  const next = jest.fn<(error?: Error) => void>();
  handshake(socket, next);
  return { socket, error: next.mock.calls[0]?.[0] };
}

describe('handshake', () => {
  it.each([{}, { name: '  Ada ' }, { session: 'not a token we issued' }, { session: 7 }])(
    'lets %j through to the identity handshake',
    (auth) => {
      expect(connect(auth).error).toBeUndefined();
    },
  );

  it.each([
    [{ name: '' }, 'Name must not be empty'],
    [{ name: 'x'.repeat(33) }, 'Name must be at most 32 characters'],
    [{ name: 7 }, 'Name must be a string'],
    [{ name: 'a\u202Eb' }, 'Name must not contain control or bidirectional-override characters'],
  ])('refuses %j with a connect_error that says why', (auth, reason) => {
    const { error } = connect(auth);
    expect(error?.message).toBe(reason);
    expect((error as Error & { data: unknown }).data).toEqual({ code: 'VALIDATION' });
  });

  it('hands the validated auth to the middleware after it, so it is parsed once', () => {
    const { socket } = connect({ name: '  Ada ', session: 7 });
    // A malformed session token is read as none.
    expect(handshakeAuthOf(socket)).toEqual({ name: 'Ada', session: '' });
    expect(handshakeAuthOf({} as LiveSocket)).toEqual({});
  });
});
