import type { ChatMessage } from '@live/shared-events';
import { useCallback, useRef } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';
import { mentions } from './mentions';
import { isMine } from './ownMessages';

/**
 * While `on`, a browser notification for each message that mentions us and arrives while the
 * tab is hidden. Only live `message` broadcasts count: the welcome's batch and older pages come
 * otherwise, and our own messages never notify.
 */
export function useMentionNotifications(on: boolean, names: readonly string[]): void {
  const { you } = useSocket();
  const { t } = useI18n();
  // A broadcast may come twice (after a reconnect); it notifies once.
  const notified = useRef(new Set<string>());

  useSocketEvent(
    'message',
    useCallback(
      (message: ChatMessage) => {
        if (!on || !you || document.visibilityState !== 'hidden' || isMine(message, you)) return;
        if (notified.current.has(message.id) || !mentions(message.text, you.name, names)) return;
        if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
        notified.current.add(message.id);
        const notification = new Notification(
          t('{author} mentioned you', { author: message.author }),
          { body: message.text, tag: message.id },
        );
        notification.onclick = () => {
          window.focus();
          notification.close();
        };
      },
      [on, you, names, t],
    ),
  );
}
