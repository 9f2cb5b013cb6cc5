import { ERROR_CODES, LOBBY, type PeopleChange, type Welcome } from '@live/shared-events';
import {
  createContext,
  useCallback,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { text, type Text } from '../i18n/catalogue';
import { describeConnectFailure, refusalOf } from './connectFailure';
import { describeFailure } from './describeFailure';
import { emitWithAck, type AckEvent, type AckPayload, type EmitResult } from './emitWithAck';
import {
  createLiveSocket,
  handshakeOf,
  syncHandshake,
  updateHandshake,
  type ClientHandshake,
  type LiveSocket,
} from './liveSocket';
import { nameRefusedAtConnect, nameTakenMessage, type NameError } from './nameError';
import { readSessionToken, storeSessionToken } from './sessionToken';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Who the server says we are. */
export interface You {
  /** Our identity, the same across reconnects, tabs and reloads (absent from older servers). */
  userId?: string;
  name: string;
  moderator: boolean;
  /** How long we may edit or delete our messages, as the server says (absent from older servers). */
  editWindowMs?: number;
}

export interface SocketContextValue {
  socket: LiveSocket;
  status: ConnectionStatus;
  /** Why the connection last failed or dropped; null once connected. */
  error: Text | null;
  /**
   * Reconnecting on purpose, for a new handshake (a name emptied back to a guest one): not
   * connected, but nothing to alarm anyone with unless it fails.
   */
  switching: boolean;
  emitWithAck: <E extends AckEvent>(event: E, payload: AckPayload<E>) => Promise<EmitResult<E>>;
  /** Tries again after the server refused or closed the connection (status `offline`). */
  reconnect: () => void;
  /** Who we are, from the latest welcome and renames; null before the first welcome. */
  you: You | null;
  /**
   * Takes another name: renamed on the live connection (`user:rename`) while connected, else
   * tried in the next handshake. An empty one goes back to a guest name, reconnecting.
   */
  changeName: (name: string) => Promise<void>;
  /** Why the last name was not taken (by a rename or at connect); null once one is. */
  nameError: NameError | null;
  /** The server refused the operator token: we connect without it, as everyone else. */
  tokenRefused: boolean;
}

export const SocketContext = createContext<SocketContextValue | null>(null);

export interface SocketProviderProps {
  /**
   * The person's name; without one the server assigns a guest name. Changing it reconnects,
   * unless the connection already goes by it (after a rename).
   */
  name?: string;
  /** The operator token (moderators only), sent as `auth.token`. Changing it reconnects. */
  token?: string;
  /**
   * The room to be in, sent as `auth.room`; the lobby (`LOBBY`, or none) sends none, as before
   * rooms. Another room is another connection: changing it reconnects.
   */
  room?: string;
  /**
   * The person's name changed here (renamed, accepted at connect, or refused as someone else's
   * and dropped: undefined). The owner keeps it and passes it back as `name`.
   */
  onNameChange?: (name: string | undefined) => void;
  /**
   * The server refused `token` as wrong: the provider connects without it, and the owner drops
   * it (and passes no token from now on).
   */
  onTokenRefused?: () => void;
  /** Makes the unconnected socket; tests pass a fake. */
  createSocket?: () => LiveSocket;
  children: ReactNode;
}

interface Connection {
  status: ConnectionStatus;
  error: Text | null;
  switching: boolean;
}

/** socket.io-client's disconnect reasons, in words; any other is a lost connection. */
const DISCONNECT_REASONS: Record<string, Text> = {
  'transport close': text('The connection to the server was lost.'),
  'transport error': text('The connection to the server failed.'),
  'ping timeout': text('The server stopped answering.'),
  'io server disconnect': text('The server closed the connection.'),
  'parse error': text('The server sent something the app could not read.'),
};

/**
 * Owns the app's one connection and who we are on it: opens it on mount, closes it on unmount,
 * and keeps the handshake (name, session, operator token, room) for every reconnect.
 */
export function SocketProvider({
  name,
  token,
  onNameChange,
  onTokenRefused,
  room,
  createSocket = createLiveSocket,
  children,
}: SocketProviderProps) {
  const [socket] = useState(createSocket);
  const [connection, setConnection] = useState<Connection>({
    status: 'connecting',
    error: null,
    switching: false,
  });
  const [you, setYou] = useState<You | null>(null);
  // A name picked while not connected: the handshake's until a welcome takes it or it is refused.
  const [trialName, setTrialName] = useState<string | undefined>(undefined);
  const [nameError, setNameError] = useState<NameError | null>(null);
  const [tokenRefused, setTokenRefused] = useState(false);
  const mounts = useRef(0);
  // Until the first connect, a failure is still "connecting", not "reconnecting".
  const everConnected = useRef(false);
  // A guest keeps the name the server gave them across reconnects, until they pick one.
  const guestName = useRef<string | undefined>(undefined);
  // Read from storage once, by the first handshake; renewed by every welcome.
  const session = useRef<string | undefined>(undefined);

  /** The connection goes by `taken` now: kept for reconnects and handed to the owner. */
  const adoptName = useCallback(
    (taken: string) => {
      updateHandshake(socket, { name: taken });
      setTrialName(undefined);
      setYou((current) => current && { ...current, name: taken });
      onNameChange?.(taken);
    },
    [socket, onNameChange],
  );

  const onWelcome = useEffectEvent((welcome: Welcome) => {
    const { you: me } = welcome;
    setYou({
      userId: me.userId,
      name: me.name,
      moderator: me.moderator === true,
      editWindowMs: welcome.editWindowMs,
    });
    if (welcome.session) {
      session.current = welcome.session;
      storeSessionToken(welcome.session);
      updateHandshake(socket, { session: welcome.session });
    }
    if (trialName !== undefined) {
      adoptName(me.name);
    } else if (!name) {
      guestName.current = me.name;
      updateHandshake(socket, { name: me.name });
    }
  });

  /** Connects again with the handshake as it is now, once a refusal stopped the socket. */
  const reconnect = useCallback(() => {
    if (socket.active) return;
    setConnection({ status: 'connecting', error: null, switching: false });
    socket.connect();
  }, [socket]);

  const onConnectError = useEffectEvent((err: Error) => {
    const handshake = socket.auth as ClientHandshake | undefined;
    if (handshake?.token && refusalOf(err)?.code === ERROR_CODES.FORBIDDEN) {
      // A wrong token must not keep anyone out: be an ordinary visitor instead, and say so.
      setTokenRefused(true);
      updateHandshake(socket, { token: undefined });
      onTokenRefused?.();
      reconnect();
      return;
    }
    const refused = handshake?.name ?? '';
    const nameRefusal = nameRefusedAtConnect(err, refused);
    if (!nameRefusal) {
      // An inactive socket after connect_error means the server refused us (say, too many tabs).
      const retrying = socket.active;
      const status = !retrying ? 'offline' : everConnected.current ? 'reconnecting' : 'connecting';
      setConnection({ status, error: describeConnectFailure(err, retrying), switching: false });
      return;
    }
    // Never locked out: connect again without the refused name, going back to the last one the
    // server took (or none, for a guest name), and drop it wherever it came from.
    setNameError(nameRefusal);
    // The suggestion is kept for the identity the refusal names: be that identity from now on.
    if (nameRefusal.session) {
      session.current = nameRefusal.session;
      storeSessionToken(nameRefusal.session);
      updateHandshake(socket, { session: nameRefusal.session });
    }
    if (trialName === refused) setTrialName(undefined);
    else if (name === refused) onNameChange?.(undefined);
    if (guestName.current === refused) guestName.current = undefined;
    const fallback = [name, guestName.current].find((n) => n && n !== refused);
    updateHandshake(socket, { name: fallback });
    reconnect();
  });

  // Another tab of ours may rename us: this one goes by the new name too.
  const onPeople = useEffectEvent(({ renamed }: PeopleChange) => {
    const mine = renamed.find((person) => person.id === you?.userId);
    if (mine && mine.name !== you?.name) adoptName(mine.name);
  });

  useEffect(() => {
    const onConnect = () => {
      everConnected.current = true;
      setConnection({ status: 'connected', error: null, switching: false });
    };
    const onDisconnect = (reason: string) => {
      if (reason === 'io client disconnect') {
        // Only the provider disconnects on purpose, and then to reconnect at once with a new
        // name: a banner for that would flash "Connecting…" at every such change.
        setConnection({ status: 'connecting', error: null, switching: true });
      } else {
        setConnection({
          status: socket.active ? 'reconnecting' : 'offline',
          error: DISCONNECT_REASONS[reason] ?? text('The connection to the server was lost.'),
          switching: false,
        });
      }
    };
    const welcomed = (welcome: Welcome) => onWelcome(welcome);
    const refused = (err: Error) => onConnectError(err);
    const peopleChanged = (change: PeopleChange) => onPeople(change);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', refused);
    socket.on('welcome', welcomed);
    socket.on('people', peopleChanged);
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', refused);
      socket.off('welcome', welcomed);
      socket.off('people', peopleChanged);
    };
  }, [socket]);

  useEffect(() => {
    mounts.current += 1;
    session.current ??= readSessionToken();
    syncHandshake(
      socket,
      handshakeOf({
        name: trialName ?? name ?? guestName.current,
        session: session.current,
        token,
        room: room === LOBBY ? undefined : room,
      }),
    );
    return () => {
      mounts.current -= 1;
      // StrictMode unmounts and remounts at once: closing only when no effect came back keeps a
      // single connection instead of closing and reopening it.
      queueMicrotask(() => {
        if (mounts.current === 0) socket.disconnect();
      });
    };
  }, [socket, name, token, trialName, room]);

  const emit = useCallback<SocketContextValue['emitWithAck']>(
    (event, payload) => emitWithAck(socket, event, payload),
    [socket],
  );

  const changeName = useCallback(
    async (picked: string) => {
      const wanted = picked.trim();
      setNameError(null);
      if (!wanted) {
        setTrialName(undefined);
        onNameChange?.(undefined);
        return;
      }
      if (!socket.connected) {
        setTrialName(wanted);
        return;
      }
      const result = await emitWithAck(socket, 'user:rename', { name: wanted });
      if (result.ok) {
        adoptName(result.name);
      } else if (result.error.code === ERROR_CODES.NAME_TAKEN) {
        setNameError({
          name: wanted,
          message: nameTakenMessage(wanted),
          suggestion: result.error.suggestion,
        });
      } else {
        setNameError({ name: wanted, message: describeFailure(result.error) });
      }
    },
    [socket, onNameChange, adoptName],
  );

  const value = useMemo<SocketContextValue>(
    () => ({
      socket,
      ...connection,
      emitWithAck: emit,
      reconnect,
      you,
      changeName,
      nameError,
      tokenRefused,
    }),
    [socket, connection, emit, reconnect, you, changeName, nameError, tokenRefused],
  );

  return <SocketContext.Provider value={value}>{children}</SocketContext.Provider>;
}
