import { ERROR_CODES, LOBBY } from '@live/shared-events';
import { refusal } from '../security/connection-cap';
import type { ClientLimits } from '../socket/client-limits';
import { toErrorBody } from '../socket/error-body';
import { ProtocolError } from '../socket/protocol-error';
import { handshakeAuthOf } from '../socket/handshake';
import type { LiveSocket } from '../socket/live-socket';
import type { Room } from './room';
import type { RoomRegistry } from './room-registry';

type Next = (error?: Error) => void;

/**
 * The room a connection is in: held while anyone here is in it (RoomRegistry). Never another
 * room in its place: should it not be held, the request is refused (UNAVAILABLE).
 */
export function roomOf(rooms: RoomRegistry, socket: LiveSocket): Room {
  const room = rooms.get(socket.data.room ?? LOBBY);
  if (!room)
    throw new ProtocolError(ERROR_CODES.UNAVAILABLE, 'Your room is not open here; reconnect');
  return room;
}

/**
 * Socket.IO middleware, after the identity handshake: puts the connection in the room its `auth`
 * names (the lobby when it names none; a recovered connection stays in its room). A room nobody
 * here is in is brought into memory first, which each client address and each person may do only
 * so often (RATE_ROOM_OPEN_*): walking through thousands of room names is refused with
 * RATE_LIMITED, and costs the store nothing.
 */
export function roomHandshake(registry: RoomRegistry, limits: ClientLimits) {
  return (socket: LiveSocket, next: Next): void => {
    const slug = socket.data.room ?? handshakeAuthOf(socket).room ?? LOBBY;
    if (!registry.get(slug)) {
      const waitMs = Math.max(
        limits.take('roomOpen', socket),
        limits.takeForPerson('roomOpen', socket.data.userId ?? ''),
      );
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        return next(
          refusal(
            `You are opening rooms too fast: try again in ${seconds} s`,
            ERROR_CODES.RATE_LIMITED,
            waitMs,
          ),
        );
      }
    }
    registry.open(slug).then(
      () => {
        socket.data.room = slug;
        next();
      },
      (error: unknown) => {
        const body = toErrorBody(error);
        next(refusal(body.message, body.code, body.retryAfterMs));
      },
    );
  };
}
