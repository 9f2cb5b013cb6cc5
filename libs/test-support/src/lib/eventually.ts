import { setTimeout as sleep } from 'node:timers/promises';

export interface EventuallyOptions {
  /** Give up after this long (default 5000 ms). */
  timeoutMs?: number;
  /** The pause between two tries (default 10 ms). */
  intervalMs?: number;
}

/**
 * Polls `check` until it holds — returns or resolves without throwing, with anything but
 * `false` — and resolves with what it returned; after `timeoutMs` it rejects with the last
 * failure. A test waits for the condition it needs, never for a fixed time.
 *
 * @example
 * await eventually(() => expect(seen.at(-1)).toBe(100));
 * await eventually(async () => expect((await fetch(url)).status).toBe(200), { timeoutMs: 10_000 });
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 5000, intervalMs = 10 }: EventuallyOptions = {},
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      const result = await check();
      if (result !== false) return result as Exclude<T, false>;
      failure = new Error('the check still returns false');
    } catch (error) {
      failure = error;
    }
    if (Date.now() >= deadline) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      throw new Error(`not met within ${timeoutMs} ms: ${reason}`, { cause: failure });
    }
    await sleep(intervalMs);
  }
}
