import type { ChatMessage } from '@live/shared-events';
import { useCallback, useState } from 'react';
import { useCatchUp } from './useCatchUp';
import { useMessageLog } from './useMessageLog';
import { useOlderMessages } from './useOlderMessages';
import { useOutbox } from './useOutbox';
import { useTyping } from './useTyping';

/**
 * The chat: stored messages (caught up after a reconnect), older pages, our outgoing messages
 * and the typing notices — each its own hook, composed here.
 */
export function useChat() {
  const { messages, hasOlder, add, addOlder, restartFrom } = useMessageLog();
  // The last refusal, shown beside the composer until a message gets through or is retried.
  const [error, setError] = useState<string | null>(null);

  useCatchUp(messages.at(-1)?.seq, { onMissed: add, onGap: restartFrom });
  const { loadingOlder, loadOlder } = useOlderMessages(messages[0]?.seq, {
    onLoaded: addOlder,
    onError: setError,
  });
  const addStored = useCallback((message: ChatMessage) => add([message]), [add]);
  const { outbox, send, retry } = useOutbox(messages, { onStored: addStored, onError: setError });
  const typing = useTyping();

  return { messages, hasOlder, loadingOlder, loadOlder, outbox, send, retry, error, typing };
}
