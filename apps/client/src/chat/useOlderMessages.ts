import { LIMITS, type ChatMessage } from '@live/shared-events';
import { useCallback, useState } from 'react';
import type { Text } from '../i18n/catalogue';
import { describeFailure } from '../socket/describeFailure';
import { useSocket } from '../socket/useSocket';

export interface OlderMessagesOptions {
  /** Puts in a page of older messages; `hasOlder` is false once the chat's start is reached. */
  onLoaded: (messages: ChatMessage[], hasOlder: boolean) => void;
  /** Why the page could not be loaded, as a sentence for the person. */
  onError: (error: Text) => void;
}

/** `loadOlder` fetches the page of `history` before `oldestSeq` (the oldest message shown). */
export function useOlderMessages(
  oldestSeq: number | undefined,
  { onLoaded, onError }: OlderMessagesOptions,
) {
  const { emitWithAck } = useSocket();
  const [loadingOlder, setLoadingOlder] = useState(false);

  const loadOlder = useCallback(async () => {
    if (oldestSeq === undefined) return;
    setLoadingOlder(true);
    const limit = LIMITS.historyDefaultLimit;
    const result = await emitWithAck('history', { before: oldestSeq, limit });
    setLoadingOlder(false);
    // A full page means there may be more before it.
    if (result.ok) onLoaded(result.messages, result.messages.length >= limit);
    else onError(describeFailure(result.error));
  }, [oldestSeq, emitWithAck, onLoaded, onError]);

  return { loadingOlder, loadOlder };
}
