import { LIMITS } from '@live/shared-events';

/**
 * How long `click` broadcasts are coalesced with `audience` clients on this instance: 16 ms up
 * to 320, then 1 ms per 20 more, so a storm's broadcasts leave the loop time to ack (what one
 * costs: docs/performance.md, step 3), at most 50 ms so every client still holds the final
 * count well within 100 ms of the last click.
 */
export function clickIntervalMs(audience: number): number {
  return Math.min(50, Math.max(LIMITS.broadcastIntervalMs, audience / 20));
}

/**
 * How long `presence` broadcasts are coalesced with `audience` clients on this instance: 16 ms
 * up to 32, then 1 ms per 2 more, at most 1 s. The online count is for people: a burst of N
 * connections costs ~2000 deliveries/s, not N every 16 ms.
 */
export function presenceIntervalMs(audience: number): number {
  return Math.min(1000, Math.max(LIMITS.broadcastIntervalMs, audience / 2));
}
