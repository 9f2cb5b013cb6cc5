import { useCallback, useEffect, useRef } from 'react';

/**
 * `later(run, ms)`: a timeout that is cleared on unmount, so nothing runs for a component that
 * is gone (a refused request waiting to go out again, say).
 */
export function useLater(): (run: () => void, ms: number) => void {
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return useCallback((run: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      run();
    }, ms);
    timers.current.add(timer);
  }, []);
}
