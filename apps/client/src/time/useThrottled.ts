import { useEffect, useRef, useState } from 'react';

/**
 * `value` as it was at most `intervalMs` ago: it follows changes at most once per interval
 * (taking the latest when the interval is over), and at once when `urgent` changes — say, the
 * reader's own action. For live regions, which would otherwise speak every change.
 */
export function useThrottled<T>(value: T, intervalMs: number, urgent: unknown): T {
  const [shown, setShown] = useState(value);
  const lastChange = useRef(-Infinity);
  const lastUrgent = useRef(urgent);

  useEffect(() => {
    const urgentChange = urgent !== lastUrgent.current;
    lastUrgent.current = urgent;
    if (Object.is(value, shown)) return;
    const wait = urgentChange ? 0 : lastChange.current + intervalMs - Date.now();
    const timer = setTimeout(
      () => {
        lastChange.current = Date.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs, urgent]);

  return shown;
}
