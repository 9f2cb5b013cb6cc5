import type { ChatMessage } from '@live/shared-events';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';
import { isMine } from './ownMessages';

/**
 * The tab's `title` ("Live counter", "quiet-otter-42 · Live"), as "(3) Live counter" while the
 * tab is hidden and others' messages arrive, so a glance at the tab strip shows them; back to
 * the plain title as soon as the tab is seen again.
 */
export function useUnreadTitle(title: string): void {
  const { you } = useSocket();
  const { t } = useI18n();
  // By id: a broadcast may arrive more than once.
  const unread = useRef(new Set<string>());
  const [count, setCount] = useState(0);

  useSocketEvent(
    'message',
    useCallback(
      (message: ChatMessage) => {
        if (document.visibilityState !== 'hidden' || isMine(message, you)) return;
        unread.current.add(message.id);
        setCount(unread.current.size);
      },
      [you],
    ),
  );

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return;
      unread.current.clear();
      setCount(0);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  const shown = count > 0 ? t('({count}) {title}', { count, title }) : title;
  useEffect(() => {
    document.title = shown;
  }, [shown]);
}
