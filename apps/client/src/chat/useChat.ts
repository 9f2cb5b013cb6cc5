import { LIMITS, type ChatMessage, type Welcome } from '@live/shared-events';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { describeFailure } from '../socket/describeFailure';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';
import { chatReducer, initialChat } from './chatState';
import { newMessageId } from './newMessageId';
import { createTypingNotifier } from './typingNotifier';

/** Past this many pages of missed messages, start again from the welcome snapshot. */
const MAX_CATCH_UP_PAGES = 5;

/**
 * The chat: stored messages, our outgoing ones, `send` (queued while offline and delivered once
 * on reconnect), `retry`, `loadOlder` and `typing`.
 */
export function useChat() {
  const { socket, status, emitWithAck } = useSocket();
  const [state, dispatch] = useReducer(chatReducer, initialChat);
  const newestSeq = useRef<number | undefined>(undefined);
  const inFlight = useRef(new Set<string>());

  useEffect(() => {
    newestSeq.current = state.messages.at(-1)?.seq;
  }, [state.messages]);

  /** Fetches what was posted between our newest message and the welcome snapshot. */
  const catchUp = useCallback(
    async (after: number, snapshot: ChatMessage[]) => {
      const until = snapshot[0].seq;
      for (let page = 0; page < MAX_CATCH_UP_PAGES; page += 1) {
        const result = await emitWithAck('history', { after, limit: LIMITS.historyMaxLimit });
        if (!result.ok) break;
        dispatch({ type: 'received', messages: result.messages });
        const last = result.messages.at(-1);
        if (!last || last.seq >= until - 1 || result.messages.length < LIMITS.historyMaxLimit) {
          return;
        }
        after = last.seq;
      }
      // A gap we cannot fill would show a conversation with a hole in it.
      dispatch({ type: 'reset', messages: snapshot });
    },
    [emitWithAck],
  );

  useSocketEvent(
    'welcome',
    useCallback(
      ({ messages }: Welcome) => {
        const after = newestSeq.current;
        dispatch({ type: 'welcome', messages });
        // A recovered session has the missed events replayed by the server itself.
        const missedSome =
          after !== undefined && messages.length > 0 && messages[0].seq > after + 1;
        if (missedSome && !socket.recovered) void catchUp(after, messages);
      },
      [socket, catchUp],
    ),
  );
  useSocketEvent(
    'message',
    useCallback((message: ChatMessage) => dispatch({ type: 'received', messages: [message] }), []),
  );

  const deliver = useCallback(
    async (id: string, text: string) => {
      // The flush effect runs again on every outbox change; one attempt per message at a time.
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      const result = await emitWithAck('message', { id, text });
      inFlight.current.delete(id);
      if (result.ok) dispatch({ type: 'received', messages: [result.message] });
      // Offline: it stays queued and goes out with the same id once connected again.
      else if (result.error.code !== 'OFFLINE') {
        dispatch({ type: 'failed', id, error: describeFailure(result.error) });
      }
    },
    [emitWithAck],
  );

  const connected = status === 'connected';
  useEffect(() => {
    if (!connected) return;
    for (const m of state.outbox) if (m.failure === null) void deliver(m.id, m.text);
  }, [connected, state.outbox, deliver]);

  const send = useCallback((text: string) => {
    dispatch({ type: 'queued', id: newMessageId(), text });
  }, []);

  const retry = useCallback((id: string) => dispatch({ type: 'retried', id }), []);

  const loadOlder = useCallback(async () => {
    const before = state.messages[0]?.seq;
    if (before === undefined) return;
    dispatch({ type: 'olderRequested' });
    const limit = LIMITS.historyDefaultLimit;
    const result = await emitWithAck('history', { before, limit });
    dispatch(
      result.ok
        ? {
            type: 'olderLoaded',
            messages: result.messages,
            hasOlder: result.messages.length >= limit,
          }
        : { type: 'olderFailed', error: describeFailure(result.error) },
    );
  }, [state.messages, emitWithAck]);

  const [typingNotifier] = useState(() =>
    createTypingNotifier((typing) => {
      // Typing is ephemeral: not worth buffering for later.
      if (socket.connected) socket.emit('typing', typing);
    }),
  );
  useEffect(() => typingNotifier.dispose, [typingNotifier]);

  return { ...state, send, retry, loadOlder, typing: typingNotifier.notify };
}
