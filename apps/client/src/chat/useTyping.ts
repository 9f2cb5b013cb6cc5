import { useEffect, useState } from 'react';
import { useSocket } from '../socket/useSocket';
import { createTypingNotifier } from './typingNotifier';

/**
 * `typing(true)` on each keystroke, `typing(false)` on send or blur: turned into few `typing`
 * notices for the others (see `createTypingNotifier`).
 */
export function useTyping(): (typing: boolean) => void {
  const { socket } = useSocket();
  const [notifier] = useState(() =>
    createTypingNotifier((typing) => {
      // Typing is ephemeral: not worth buffering for later.
      if (socket.connected) socket.emit('typing', typing);
    }),
  );
  useEffect(() => notifier.dispose, [notifier]);
  return notifier.notify;
}
