import type { ChatMessage } from '@live/shared-events';
import { useCallback, useState } from 'react';
import type { Text } from '../i18n/catalogue';
import { useModeration } from '../moderation/useModeration';
import { useCatchUp } from './useCatchUp';
import { useMessageEditor } from './useMessageEditor';
import { useMessageLog } from './useMessageLog';
import { useOlderMessages } from './useOlderMessages';
import { useOutbox } from './useOutbox';
import { useRenameNotices } from './useRenameNotices';
import { useTyping } from './useTyping';

/**
 * The chat: stored messages (caught up after a reconnect, edited and deleted in place), older
 * pages, our outgoing messages, the message being edited, rename notices and typing notices —
 * each its own hook, composed here.
 */
export function useChat() {
  const { messages, hasOlder, add, edited, addOlder, restartFrom } = useMessageLog();
  const { mutedFor } = useModeration();
  // The last refusal, shown beside the composer until a message gets through or is retried.
  const [error, setError] = useState<Text | null>(null);

  const newestSeq = messages.at(-1)?.seq;
  useCatchUp(newestSeq, { onMissed: add, onGap: restartFrom });
  const { loadingOlder, loadOlder } = useOlderMessages(messages[0]?.seq, {
    onLoaded: addOlder,
    onError: setError,
  });
  const addStored = useCallback((message: ChatMessage) => add([message]), [add]);
  const { outbox, send, retry } = useOutbox(messages, {
    onStored: addStored,
    onError: setError,
    onMuted: mutedFor,
  });
  const editing = useMessageEditor(edited);
  const notices = useRenameNotices(newestSeq);
  const typing = useTyping();

  return {
    messages,
    hasOlder,
    loadingOlder,
    loadOlder,
    outbox,
    send,
    retry,
    error,
    editing,
    notices,
    typing,
  };
}
