import { RECONNECT_BACKOFF } from '@live/shared-events';
import { createLiveSocket } from './liveSocket';

describe('createLiveSocket', () => {
  it('reconnects by itself with randomised exponential backoff (0.5 s doubling to 8 s, ±50 %)', () => {
    const socket = createLiveSocket();
    const manager = socket.io;
    expect(socket.connected).toBe(false);
    expect(manager.reconnection()).toBe(true);
    expect(manager.reconnectionDelay()).toBe(500);
    expect(manager.reconnectionDelayMax()).toBe(8000);
    expect(manager.randomizationFactor()).toBe(0.5);
    expect(RECONNECT_BACKOFF).toEqual({
      reconnectionDelay: 500,
      reconnectionDelayMax: 8000,
      randomizationFactor: 0.5,
    });
  });

  it('spreads the delays: successive attempts grow, and two clients rarely pick the same one', () => {
    const delays = (attempts: number) => {
      // socket.io-client's Manager draws each delay from its Backoff; read the same sequence.
      const backoff = (createLiveSocket().io as unknown as { backoff: { duration(): number } })
        .backoff;
      return Array.from({ length: attempts }, () => backoff.duration());
    };
    const first = delays(6);
    for (const [i, delay] of first.entries()) {
      const base = Math.min(500 * 2 ** i, 8000);
      expect(delay).toBeGreaterThanOrEqual(Math.min(base * 0.5, 8000) - 1);
      expect(delay).toBeLessThanOrEqual(Math.min(base * 1.5, 8000) + 1);
    }
    const firstAttempts = new Set(Array.from({ length: 50 }, () => delays(1)[0]));
    expect(firstAttempts.size).toBeGreaterThan(40);
  });
});
