import { ERROR_CODES } from '@live/shared-events';
import { refusal } from '../security/connection-cap';
import { toErrorBody } from '../socket/error-body';
import { handshakeAuthOf } from '../socket/handshake';
import type { LiveSocket } from '../socket/live-socket';
import type { IdentityService } from './identity.service';
import type { MuteList } from './mute-list';

type Next = (error?: Error) => void;

/** The session token issued to each socket at its handshake, for its welcome (never in socket.data, which recovery saves). */
export const issuedSessions = new WeakMap<LiveSocket, { session: string; renamedFrom?: string }>();

/**
 * Socket.IO middleware, after the admission checks (so refused connections cost the store
 * nothing): finds or issues the person's identity and their name (IdentityService), and puts
 * both on the socket. A name someone else holds refuses the connection with NAME_TAKEN, a
 * suggestion held for this person, and their session token (so they can come back as who the
 * suggestion is held for); a recovered connection keeps the identity it had.
 */
export function identityHandshake(identities: IdentityService, mutes: MuteList) {
  return (socket: LiveSocket, next: Next): void => {
    if (socket.recovered && socket.data.userId) return next();
    const auth = handshakeAuthOf(socket);
    const admitted = identities
      .admit(auth.session || undefined, auth.name, socket.data.moderator === true)
      .then(async (person) => ({
        ...person,
        mutedUntil: await identities.mutedUntil(person.identity.id),
      }));
    admitted.then(
      ({ identity, session, renamedFrom, returning, mutedUntil }) => {
        socket.data.userId = identity.id;
        socket.data.name = identity.name;
        socket.data.returning = returning;
        mutes.set(identity.id, mutedUntil);
        issuedSessions.set(socket, { session, renamedFrom });
        next();
      },
      (error: unknown) => {
        const body = toErrorBody(error);
        const failure = refusal(body.message, body.code);
        if (body.code === ERROR_CODES.NAME_TAKEN) {
          const { session } = error as { session?: string };
          Object.assign(failure.data, { suggestion: body.suggestion, session });
        }
        next(failure);
      },
    );
  };
}
