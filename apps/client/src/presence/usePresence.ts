import type { ChatMessage, Presence, TypingNotice, Welcome } from '@live/shared-events';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSocketEvent } from '../socket/useSocketEvent';

/** Forget a typist we have not heard from for this long (they may have left mid-sentence). */
export const TYPING_EXPIRY_MS = 6000;

/** Who is here: the online count and who is typing. */
export function usePresence() {
  const [online, setOnline] = useState<number | null>(null);
  const [typists, setTypists] = useState<string[]>([]);
  const expiries = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const stopTyping = useCallback((name: string) => {
    clearTimeout(expiries.current.get(name));
    expiries.current.delete(name);
    setTypists((names) => (names.includes(name) ? names.filter((n) => n !== name) : names));
  }, []);

  useEffect(() => {
    const timers = expiries.current;
    return () => timers.forEach((timer) => clearTimeout(timer));
  }, []);

  useSocketEvent(
    'welcome',
    useCallback((welcome: Welcome) => {
      setOnline(welcome.online);
      // Notices from before a reconnect may never get their "stopped".
      expiries.current.forEach((timer) => clearTimeout(timer));
      expiries.current.clear();
      setTypists([]);
    }, []),
  );
  useSocketEvent(
    'presence',
    useCallback((presence: Presence) => setOnline(presence.online), []),
  );
  useSocketEvent(
    'typing',
    useCallback(
      ({ name, typing }: TypingNotice) => {
        if (!typing) return stopTyping(name);
        clearTimeout(expiries.current.get(name));
        expiries.current.set(
          name,
          setTimeout(() => stopTyping(name), TYPING_EXPIRY_MS),
        );
        setTypists((names) => (names.includes(name) ? names : [...names, name]));
      },
      [stopTyping],
    ),
  );
  // Whoever just sent a message has stopped typing it.
  useSocketEvent(
    'message',
    useCallback((message: ChatMessage) => stopTyping(message.author), [stopTyping]),
  );

  return { online, typists };
}
