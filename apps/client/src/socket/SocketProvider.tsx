import type { Welcome } from '@live/shared-events';
import {
  createContext,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { emitWithAck, type AckEvent, type AckPayload, type EmitResult } from './emitWithAck';
import {
  createLiveSocket,
  keepAssignedName,
  syncHandshake,
  type ClientHandshake,
  type LiveSocket,
} from './liveSocket';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface SocketContextValue {
  socket: LiveSocket;
  status: ConnectionStatus;
  /** Why the connection last failed or dropped; null once connected. */
  error: string | null;
  emitWithAck: <E extends AckEvent>(event: E, payload: AckPayload<E>) => Promise<EmitResult<E>>;
  /** Tries again after the server refused or closed the connection (status `offline`). */
  reconnect: () => void;
}

export const SocketContext = createContext<SocketContextValue | null>(null);

export interface SocketProviderProps {
  /** Sent in the handshake; without one the server assigns a guest name. Changing it reconnects. */
  name?: string;
  /** The operator token (moderators only), sent as `auth.token`. Changing it reconnects. */
  token?: string;
  /** Makes the unconnected socket; tests pass a fake. */
  createSocket?: () => LiveSocket;
  children: ReactNode;
}

interface Connection {
  status: ConnectionStatus;
  error: string | null;
}

const DISCONNECT_REASONS: Record<string, string> = {
  'transport close': 'The connection to the server was lost.',
  'transport error': 'The connection to the server failed.',
  'ping timeout': 'The server stopped answering.',
  'io server disconnect': 'The server closed the connection.',
};

/** Owns the app's one connection: opens it on mount, closes it on unmount. */
export function SocketProvider({
  name,
  token,
  createSocket = createLiveSocket,
  children,
}: SocketProviderProps) {
  const [socket] = useState(createSocket);
  const [connection, setConnection] = useState<Connection>({ status: 'connecting', error: null });
  const mounts = useRef(0);
  // The name picked by the person, as of the last render (set by the handshake effect).
  const chosenName = useRef(name);
  // A guest keeps the name the server gave them across reconnects, until they pick one.
  const guestName = useRef<string | undefined>(undefined);

  useEffect(() => {
    const onConnect = () => setConnection({ status: 'connected', error: null });
    const onDisconnect = (reason: string) => {
      if (reason === 'io client disconnect') {
        // Only the provider disconnects on purpose, and then to reconnect with a new name.
        setConnection({ status: 'connecting', error: null });
      } else {
        setConnection({
          status: socket.active ? 'reconnecting' : 'offline',
          error: DISCONNECT_REASONS[reason] ?? reason,
        });
      }
    };
    // An inactive socket after connect_error means the server refused us (say, an invalid name).
    const onConnectError = (err: Error) =>
      setConnection({ status: socket.active ? 'reconnecting' : 'offline', error: err.message });
    const onWelcome = (welcome: Welcome) => {
      if (chosenName.current) return;
      guestName.current = welcome.you.name;
      keepAssignedName(socket, welcome.you.name);
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('welcome', onWelcome);
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('welcome', onWelcome);
    };
  }, [socket]);

  useEffect(() => {
    mounts.current += 1;
    chosenName.current = name;
    const wanted = name ?? guestName.current;
    const auth: ClientHandshake = wanted ? { name: wanted } : {};
    if (token) auth.token = token;
    syncHandshake(socket, auth);
    return () => {
      mounts.current -= 1;
      // StrictMode unmounts and remounts at once: closing only when no effect came back keeps a
      // single connection instead of closing and reopening it.
      queueMicrotask(() => {
        if (mounts.current === 0) socket.disconnect();
      });
    };
  }, [socket, name, token]);

  const reconnect = useCallback(() => {
    if (socket.active) return;
    setConnection({ status: 'connecting', error: null });
    socket.connect();
  }, [socket]);

  const emit = useCallback<SocketContextValue['emitWithAck']>(
    (event, payload) => emitWithAck(socket, event, payload),
    [socket],
  );

  const value = useMemo<SocketContextValue>(
    () => ({ socket, ...connection, emitWithAck: emit, reconnect }),
    [socket, connection, emit, reconnect],
  );

  return <SocketContext.Provider value={value}>{children}</SocketContext.Provider>;
}
