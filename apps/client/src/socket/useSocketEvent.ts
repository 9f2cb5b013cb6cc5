import type { ServerToClientEvents } from '@live/shared-events';
import { useEffect } from 'react';
import { useSocket } from './useSocket';

/**
 * Listens to a server event while mounted. Adds exactly one listener and removes exactly that
 * one on unmount or when `handler` changes, so pass a stable handler (`useCallback`).
 *
 * @example
 * useSocketEvent('presence', useCallback(({ online }) => setOnline(online), []));
 */
export function useSocketEvent<E extends keyof ServerToClientEvents>(
  event: E,
  handler: ServerToClientEvents[E],
): void {
  const { socket } = useSocket();
  useEffect(() => {
    // socket.io's typed on/off cannot follow a generic event name to its listener type.
    const emitter = socket as unknown as {
      on(event: E, listener: typeof handler): void;
      off(event: E, listener: typeof handler): void;
    };
    emitter.on(event, handler);
    return () => emitter.off(event, handler);
  }, [socket, event, handler]);
}
