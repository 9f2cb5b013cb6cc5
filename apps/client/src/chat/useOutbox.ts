import { ERROR_CODES, type ChatMessage } from '@live/shared-events';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Text } from '../i18n/catalogue';
import { describeFailure, resendingMessage } from '../socket/describeFailure';
import { useSocket } from '../socket/useSocket';
import { newRequestId } from '../socket/newRequestId';
import { useLater } from '../time/useLater';
import { nextToSend, outboxReducer } from './outbox';

export interface OutboxOptions {
  /** The server stored one of ours: its stored copy. Stable (an effect depends on it). */
  onStored: (message: ChatMessage) => void;
  /** The last refusal as a sentence, or null once a message gets through or is retried. */
  onError: (error: Text | null) => void;
  /** A send was refused because we are muted, for this long. Stable, like `onStored`. */
  onMuted: (retryAfterMs: number) => void;
}

/**
 * Our outgoing messages: `send` queues one, and queued messages are delivered one at a time, in
 * order, while connected — kept while offline and sent once, with the same id, on reconnect.
 * One refused for speed goes out again after the server's wait, still before later ones; one
 * refused otherwise waits for `retry`. `stored` are the messages shown: our copy of any of
 * them is hidden at once.
 */
export function useOutbox(stored: ChatMessage[], { onStored, onError, onMuted }: OutboxOptions) {
  const { status, emitWithAck } = useSocket();
  const [outbox, dispatch] = useReducer(outboxReducer, []);
  const inFlight = useRef(new Set<string>());
  const later = useLater();

  const deliver = useCallback(
    async (id: string, text: string) => {
      // The flush effect runs again on every outbox change; one attempt per message at a time.
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      const result = await emitWithAck('message', { id, text });
      inFlight.current.delete(id);
      if (result.ok) {
        dispatch({ type: 'stored', id });
        onStored(result.message);
        onError(null);
      } else if (result.error.code === 'DELETED') {
        // Stored once, then deleted (our first answer was lost): it stays gone.
        dispatch({ type: 'dropped', id });
        onError(describeFailure(result.error));
      } else if (result.error.code === ERROR_CODES.RATE_LIMITED) {
        const waitMs = result.error.retryAfterMs ?? 0;
        const failure = resendingMessage(waitMs);
        dispatch({ type: 'held', id, failure });
        onError(failure);
        later(() => {
          dispatch({ type: 'retried', id });
          onError(null);
        }, waitMs);
      } else if (result.error.code !== 'OFFLINE') {
        // Offline: it stays queued and goes out with the same id once connected again.
        const failure = describeFailure(result.error);
        dispatch({ type: 'refused', id, failure });
        onError(failure);
        // Refused with a wait, though not for speed: we are muted (and may not have heard).
        if (result.error.code === 'FORBIDDEN' && result.error.retryAfterMs !== undefined) {
          onMuted(result.error.retryAfterMs);
        }
      }
    },
    [emitWithAck, onStored, onError, onMuted, later],
  );

  const connected = status === 'connected';
  useEffect(() => {
    const next = nextToSend(outbox);
    if (connected && next) void deliver(next.id, next.text);
  }, [connected, outbox, deliver]);

  const send = useCallback((text: string) => {
    dispatch({ type: 'queued', id: newRequestId(), text });
  }, []);

  const retry = useCallback(
    (id: string) => {
      dispatch({ type: 'retried', id });
      onError(null);
    },
    [onError],
  );

  // The broadcast of our message may come before its ack: show the stored copy only.
  const storedIds = useMemo(() => new Set(stored.map((m) => m.id)), [stored]);
  const pending = useMemo(() => outbox.filter((m) => !storedIds.has(m.id)), [outbox, storedIds]);

  return { outbox: pending, send, retry };
}
