import type { ChatMessage } from '@live/shared-events';
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';
import { isMine } from './ownMessages';

/** Enough for a reader who missed one to find it; the rest were spoken already. */
const KEPT = 5;

/**
 * What a screen reader hears of the chat: each message others post while we are here, once.
 * The visible log is not live — it also fills with the welcome batch and older pages, which
 * nobody wants read out fifty at a time. Its name does not say "messages": that log has it.
 */
export function LiveMessages() {
  const { you } = useSocket();
  const { t, rich } = useI18n();
  const [arrived, setArrived] = useState<ChatMessage[]>([]);

  useSocketEvent(
    'message',
    useCallback((message: ChatMessage) => {
      // A broadcast may come twice (after a reconnect); it is spoken once.
      setArrived((kept) =>
        kept.some((m) => m.id === message.id) ? kept : [...kept, message].slice(-KEPT),
      );
    }, []),
  );

  return (
    <div role="log" aria-label={t('Just posted')} className="visually-hidden">
      {arrived
        .filter((message) => !isMine(message, you))
        .map((message) => (
          <p key={message.id}>
            {rich('{author}: {text}', {
              author: <bdi>{message.author}</bdi>,
              text: <span dir="auto">{message.text}</span>,
            })}
          </p>
        ))}
    </div>
  );
}
