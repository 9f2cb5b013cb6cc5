import { LIMITS, type ChatMessage, type Welcome } from '@live/shared-events';
import { useCallback, useEffect, useRef } from 'react';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';

/** Past this many pages of missed messages, start again from the welcome snapshot. */
export const MAX_CATCH_UP_PAGES = 5;

export interface CatchUpOptions {
  /** Puts in a page of missed messages. Stable (it is a listener's dependency). */
  onMissed: (messages: ChatMessage[]) => void;
  /** Shows only the snapshot when the gap cannot be filled. Stable, like `onMissed`. */
  onGap: (snapshot: ChatMessage[]) => void;
}

/**
 * After a reconnect, fetches what was posted between `newestSeq` (the newest message we have)
 * and the welcome's snapshot, a page of `history` at a time.
 */
export function useCatchUp(newestSeq: number | undefined, { onMissed, onGap }: CatchUpOptions) {
  const { socket, emitWithAck } = useSocket();
  // Read when a welcome arrives, before the welcome's own messages are added.
  const newest = useRef(newestSeq);
  useEffect(() => {
    newest.current = newestSeq;
  }, [newestSeq]);

  const catchUp = useCallback(
    async (after: number, snapshot: ChatMessage[]) => {
      const until = snapshot[0].seq;
      for (let page = 0; page < MAX_CATCH_UP_PAGES; page += 1) {
        const result = await emitWithAck('history', { after, limit: LIMITS.historyMaxLimit });
        if (!result.ok) break;
        onMissed(result.messages);
        const last = result.messages.at(-1);
        if (!last || last.seq >= until - 1 || result.messages.length < LIMITS.historyMaxLimit) {
          return;
        }
        after = last.seq;
      }
      // A gap we cannot fill would show a conversation with a hole in it.
      onGap(snapshot);
    },
    [emitWithAck, onMissed, onGap],
  );

  useSocketEvent(
    'welcome',
    useCallback(
      ({ messages }: Welcome) => {
        const after = newest.current;
        // A recovered session has the missed events replayed by the server itself.
        const missedSome =
          after !== undefined && messages.length > 0 && messages[0].seq > after + 1;
        if (missedSome && !socket.recovered) void catchUp(after, messages);
      },
      [socket, catchUp],
    ),
  );
}
