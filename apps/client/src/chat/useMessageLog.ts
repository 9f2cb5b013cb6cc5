import type { ChatMessage, MessageDeleted, Welcome } from '@live/shared-events';
import { useCallback, useReducer } from 'react';
import { useSocketEvent } from '../socket/useSocketEvent';
import { emptyMessageLog, messageLogReducer } from './messageLog';

/**
 * The stored messages: the welcome's snapshot, then every broadcast, edit and deletion. `add`,
 * `edited`, `addOlder` and `restartFrom` let the other chat hooks put in what they fetched; all
 * four are stable, so they can be handed to effects and listeners.
 */
export function useMessageLog() {
  const [log, dispatch] = useReducer(messageLogReducer, emptyMessageLog);

  useSocketEvent(
    'welcome',
    useCallback(({ messages }: Welcome) => dispatch({ type: 'welcome', messages }), []),
  );
  useSocketEvent(
    'message',
    useCallback((message: ChatMessage) => dispatch({ type: 'received', messages: [message] }), []),
  );
  const edited = useCallback((message: ChatMessage) => dispatch({ type: 'edited', message }), []);
  useSocketEvent('message:edited', edited);
  useSocketEvent(
    'message:deleted',
    useCallback(({ id }: MessageDeleted) => dispatch({ type: 'deleted', id }), []),
  );

  const add = useCallback(
    (messages: ChatMessage[]) => dispatch({ type: 'received', messages }),
    [],
  );
  const addOlder = useCallback(
    (messages: ChatMessage[], hasOlder: boolean) =>
      dispatch({ type: 'olderLoaded', messages, hasOlder }),
    [],
  );
  /** Shows only `snapshot`, as the latest messages of a chat that goes back further. */
  const restartFrom = useCallback(
    (snapshot: ChatMessage[]) => dispatch({ type: 'restarted', messages: snapshot }),
    [],
  );

  return { ...log, add, edited, addOlder, restartFrom };
}
