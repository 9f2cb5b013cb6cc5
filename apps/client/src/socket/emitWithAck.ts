import type { ClientToServerEvents } from '@live/shared-events';
import type { LiveSocket } from './liveSocket';

/** Events whose handler takes `(payload, ack)`: the ones that answer. */
export type AckEvent = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [
    unknown,
    (result: never) => void,
  ]
    ? E
    : never;
}[keyof ClientToServerEvents];

export type AckPayload<E extends AckEvent> = Parameters<ClientToServerEvents[E]>[0];

/** The request never reached an answer: the client was offline, lost the link, or waited too long. */
export interface TransportFailure {
  ok: false;
  error: {
    code: 'OFFLINE' | 'TIMEOUT';
    /** For logs; the person reads `describeFailure`'s sentence. */
    message: string;
    /** OFFLINE: the link dropped while the request waited for its answer. */
    dropped?: true;
    retryAfterMs?: undefined;
  };
}

/** What the server answers to `E`: the protocol's ack result (`ClickResult`, `MessageResult` …). */
export type AckResultOf<E extends AckEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** The protocol's ack result for `E`, or a transport failure in the same `{ ok: false }` shape. */
export type EmitResult<E extends AckEvent> = AckResultOf<E> | TransportFailure;

export const ACK_TIMEOUT_MS = 8000;

const failure = (
  code: TransportFailure['error']['code'],
  message: string,
  dropped?: true,
): TransportFailure => ({
  ok: false,
  error: dropped ? { code, message, dropped } : { code, message },
});

/**
 * Emits `event` and resolves with the server's ack, or with a transport failure when offline,
 * disconnected before the answer, or after `timeoutMs`. It always resolves, never rejects.
 *
 * @example
 * const res = await emitWithAck(socket, 'click', {});
 * if (!res.ok) showNote(res.error.message);
 */
export function emitWithAck<E extends AckEvent>(
  socket: LiveSocket,
  event: E,
  payload: AckPayload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<EmitResult<E>> {
  // Not buffering while offline keeps the outcome known: callers decide what to resend.
  if (!socket.connected) return Promise.resolve(failure('OFFLINE', 'You are offline.'));
  return new Promise((resolve) => {
    // Whichever comes first settles; the losers find nothing left to clean up.
    const settle = (result: EmitResult<E>) => {
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      resolve(result);
    };
    // Socket.IO drops plain ack callbacks on disconnect without calling them.
    const onDisconnect = () =>
      settle(failure('OFFLINE', 'The connection dropped before the server answered.', true));
    const timer = setTimeout(
      () => settle(failure('TIMEOUT', 'The server did not answer in time.')),
      timeoutMs,
    );
    socket.on('disconnect', onDisconnect);
    // The typed emit cannot follow a generic event name to its argument list.
    (socket.emit as (event: E, payload: AckPayload<E>, ack: typeof settle) => void)(
      event,
      payload,
      settle,
    );
  });
}
