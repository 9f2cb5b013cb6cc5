import { LOBBY } from '@live/shared-events';
import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { english } from '../testing/english';
import { FakeSocket, welcome } from '../testing/fakeSocket';
import { nameTakenAtConnect, tooManyConnections } from '../testing/serverRefusals';
import { settle } from '../testing/settle';
import { SocketProvider } from './SocketProvider';
import { useSocket } from './useSocket';

function Status() {
  const { status, error } = useSocket();
  return (
    <p>
      {status}
      {error && `: ${english.say(error)}`}
    </p>
  );
}

function renderProvider(
  name?: string,
  {
    strict = false,
    token,
    onNameChange,
    room,
  }: {
    strict?: boolean;
    token?: string;
    onNameChange?: (name: string | undefined) => void;
    room?: string;
  } = {},
) {
  const sockets: FakeSocket[] = [];
  const createSocket = () => {
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket.asSocket();
  };
  const ui = (n?: string, r = room) => {
    const tree = (
      <SocketProvider
        name={n}
        token={token}
        room={r}
        onNameChange={onNameChange}
        createSocket={createSocket}
      >
        <Status />
      </SocketProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
  const result = render(ui(name));
  // The socket the provider kept (StrictMode may make and discard an unconnected one).
  const socket = () => sockets.find((s) => s.connectCalls > 0) as FakeSocket;
  return {
    ...result,
    sockets,
    socket,
    rerenderWithName: (n?: string) => result.rerender(ui(n)),
    rerenderInRoom: (r: string) => result.rerender(ui(name, r)),
  };
}

describe('SocketProvider', () => {
  it('opens exactly one connection under StrictMode and keeps it open', async () => {
    const { sockets } = renderProvider(undefined, { strict: true });
    await settle();

    const connects = sockets.reduce((n, s) => n + s.connectCalls, 0);
    const disconnects = sockets.reduce((n, s) => n + s.disconnectCalls, 0);
    expect(connects).toBe(1);
    expect(disconnects).toBe(0);
  });

  it('closes the connection and removes its listeners on unmount', async () => {
    const { socket, unmount } = renderProvider();
    socket().serverConnect();
    expect(socket().listenerCount('connect')).toBe(1);

    unmount();

    await waitFor(() => expect(socket().disconnectCalls).toBe(1));
    expect(socket().listenerCount('connect')).toBe(0);
    expect(socket().listenerCount('disconnect')).toBe(0);
    expect(socket().listenerCount('connect_error')).toBe(0);
  });

  it('reports connecting, connected, then reconnecting with the reason, then connected', async () => {
    const { socket } = renderProvider();
    expect(screen.getByText('connecting')).toBeInTheDocument();

    socket().serverConnect();
    expect(screen.getByText('connected')).toBeInTheDocument();

    await socket().drop('transport close');
    expect(
      screen.getByText('reconnecting: The connection to the server was lost.'),
    ).toBeInTheDocument();

    socket().failConnect('xhr poll error');
    expect(
      screen.getByText('reconnecting: Can’t reach the server; trying again…'),
    ).toBeInTheDocument();

    socket().serverConnect();
    expect(screen.getByText('connected')).toBeInTheDocument();
  });

  it('is offline with the server’s reason when the handshake is refused', () => {
    const { socket } = renderProvider();
    socket().refuseHandshake(tooManyConnections(2));
    expect(
      screen.getByText(
        'offline: Too many connections from your address; close another tab or try later',
      ),
    ).toBeInTheDocument();
  });

  it('is offline when the server closes the connection on purpose', async () => {
    const { socket } = renderProvider();
    socket().serverConnect();
    await socket().drop('io server disconnect');
    expect(screen.getByText('offline: The server closed the connection.')).toBeInTheDocument();
  });

  it('sends the name in the handshake and reconnects with the new one when it changes', async () => {
    const { socket, rerenderWithName } = renderProvider('Ada');
    expect(socket().auth).toEqual({ name: 'Ada' });
    socket().serverConnect();

    rerenderWithName('Bo');
    await settle(); // the deferred close must not close the new connection

    expect(socket().disconnectCalls).toBe(1);
    expect(socket().connectCalls).toBe(2);
    expect(socket().auth).toEqual({ name: 'Bo' });
    expect(screen.getByText('connecting')).toBeInTheDocument();
  });

  it('keeps the guest name the server assigned across reconnects, until a name is picked', async () => {
    const { socket, rerenderWithName } = renderProvider();
    socket().serverConnect();
    socket().receive('welcome', welcome({ you: { id: 's1', name: 'Guest 4821' }, session: 'g.1' }));
    expect(socket().auth).toEqual({ name: 'Guest 4821', session: 'g.1' });

    await socket().drop('transport close');
    socket().serverConnect();
    expect(socket().auth).toEqual({ name: 'Guest 4821', session: 'g.1' });

    rerenderWithName('Ada');
    expect(socket().auth).toEqual({ name: 'Ada', session: 'g.1' });
  });

  it('keeps the operator token when a guest moderator reconnects under the assigned name', async () => {
    const token = 's3cret-operator-token-0123456789abcdef';
    const { socket } = renderProvider(undefined, { token });
    socket().serverConnect();
    socket().receive(
      'welcome',
      welcome({ you: { id: 's1', name: 'Guest 4821', moderator: true }, session: 'g.1' }),
    );

    await socket().drop('transport close');
    socket().serverConnect();
    expect(socket().auth).toEqual({ name: 'Guest 4821', session: 'g.1', token });

    // Each welcome renews the session; the token stays through that too.
    socket().receive(
      'welcome',
      welcome({ you: { id: 's2', name: 'Guest 4821', moderator: true }, session: 'g.2' }),
    );
    await socket().drop('ping timeout');
    socket().serverConnect();
    expect(socket().auth).toEqual({ name: 'Guest 4821', session: 'g.2', token });
    expect(socket().disconnectCalls).toBe(0);
  });

  it('names no room for the lobby, and reconnects as the same person in another room', async () => {
    const { socket, rerenderInRoom } = renderProvider(undefined, { room: LOBBY });
    expect(socket().auth).toEqual({});
    socket().serverConnect();
    socket().receive('welcome', welcome({ you: { id: 's1', name: 'Guest 4821' }, session: 'g.1' }));

    rerenderInRoom('maths-101');
    await settle(); // the deferred close must not close the new connection
    expect(socket().disconnectCalls).toBe(1);
    expect(socket().connectCalls).toBe(2);
    expect(socket().auth).toEqual({ name: 'Guest 4821', session: 'g.1', room: 'maths-101' });
    // Moving on purpose: no alarm unless it fails.
    expect(screen.getByText('connecting')).toBeInTheDocument();

    socket().serverConnect();
    await socket().drop('transport close');
    socket().serverConnect();
    expect(socket().auth).toMatchObject({ room: 'maths-101' });

    rerenderInRoom(LOBBY);
    expect(socket().auth).toEqual({ name: 'Guest 4821', session: 'g.1' });
    expect(socket().connectCalls).toBe(3);
  });

  it('connects as a guest without a name', () => {
    const { socket } = renderProvider();
    expect(socket().auth).toEqual({});
  });
});

describe('SocketProvider identity', () => {
  it('sends the kept session in the first handshake', () => {
    localStorage.setItem('live-counter.session', 'kept.session');
    const { socket } = renderProvider('Ada');
    expect(socket().auth).toEqual({ name: 'Ada', session: 'kept.session' });
  });

  it('keeps each welcome’s session, for reconnects and the next visit, without reconnecting', async () => {
    const { socket } = renderProvider('Ada');
    socket().serverConnect();
    socket().receive('welcome', welcome({ you: { id: 's1', name: 'Ada' }, session: 'issued.1' }));

    expect(localStorage.getItem('live-counter.session')).toBe('issued.1');
    expect(socket().auth).toEqual({ name: 'Ada', session: 'issued.1' });
    expect(socket().disconnectCalls).toBe(0);

    await socket().drop();
    socket().serverConnect();
    socket().receive('welcome', welcome({ you: { id: 's2', name: 'Ada' }, session: 'issued.2' }));
    expect(localStorage.getItem('live-counter.session')).toBe('issued.2');
    expect(socket().auth).toEqual({ name: 'Ada', session: 'issued.2' });
  });

  it('connects without a name the server says is someone else’s, instead of staying offline', () => {
    const onNameChange = jest.fn();
    const { socket } = renderProvider('Ada', { onNameChange });

    socket().refuseHandshake(nameTakenAtConnect('Ada', 'Ada 2', 'issued.for-ada-2'));

    // The suggestion is kept for the identity the refusal names: the client becomes it.
    expect(socket().auth).toEqual({ session: 'issued.for-ada-2' });
    expect(localStorage.getItem('live-counter.session')).toBe('issued.for-ada-2');
    expect(socket().connectCalls).toBe(2);
    expect(screen.getByText('connecting')).toBeInTheDocument();
    // The owner drops the refused name: it is not the person's.
    expect(onNameChange).toHaveBeenCalledWith(undefined);
  });
});
