import { useEffect, useState } from 'react';

// setTimeout fires at once for delays beyond a signed 32-bit millisecond count (about 24 days).
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The current time (epoch ms), read again as each of `deadlines` passes: what depends on them
 * (an edit window closing, a mute ending) changes on time, without a clock ticking every second.
 */
export function useNow(deadlines: readonly number[]): number {
  const [now, setNow] = useState(() => Date.now());
  const next = Math.min(...deadlines.filter((deadline) => deadline > now));

  useEffect(() => {
    if (next === Infinity) return;
    const wait = next - Date.now();
    const timer = setTimeout(
      // A timer may fire a little early; the deadline counts as passed all the same.
      () => setNow(wait > LONGEST_TIMER_MS ? Date.now() : Math.max(Date.now(), next)),
      Math.min(Math.max(0, wait), LONGEST_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [next, now]);

  return now;
}
