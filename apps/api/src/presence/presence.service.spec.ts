import { PresenceService } from './presence.service';

describe('PresenceService', () => {
  it('counts open connections', () => {
    const presence = new PresenceService();
    presence.join();
    presence.join();
    presence.leave();
    expect(presence.online).toBe(1);
  });

  it('never goes below zero', () => {
    const presence = new PresenceService();
    presence.leave();
    expect(presence.online).toBe(0);
  });
});

describe('PresenceService with a board (several instances)', () => {
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  it('adds the connections on other instances and calls back when they change', async () => {
    let elsewhere = 3;
    const reported: number[] = [];
    const board = {
      report: async (connections: number) => (reported.push(connections), connections + elsewhere),
      leave: async () => undefined,
    };
    const presence = new PresenceService(board);
    let changes = 0;
    presence.onChange(() => changes++);
    presence.onModuleInit();
    await flush();
    expect(presence.online).toBe(3);
    presence.join();
    expect(presence.online).toBe(4);
    elsewhere = 1;
    presence.join();
    await flush();
    await flush();
    expect(presence.online).toBe(3);
    expect(changes).toBe(2);
    expect(reported.at(-1)).toBe(2);
    await presence.beforeApplicationShutdown();
  });

  it('stops calling back once the listener unsubscribed', async () => {
    let elsewhere = 1;
    const board = {
      report: async (connections: number) => connections + elsewhere,
      leave: async () => undefined,
    };
    const presence = new PresenceService(board);
    let changes = 0;
    const stop = presence.onChange(() => changes++);
    presence.onModuleInit();
    await flush();
    stop();
    elsewhere = 2;
    presence.join();
    await flush();
    expect(presence.online).toBe(3);
    expect(changes).toBe(1);
    await presence.beforeApplicationShutdown();
  });

  it('keeps the last known count while the board fails, and leaves it on shutdown', async () => {
    let failing = false;
    let left = false;
    const board = {
      report: async (connections: number) => {
        if (failing) throw new Error('Redis is away');
        return connections + 5;
      },
      leave: async () => void (left = true),
    };
    const presence = new PresenceService(board);
    presence.onModuleInit();
    await flush();
    failing = true;
    presence.join();
    await flush();
    expect(presence.online).toBe(6);
    await presence.beforeApplicationShutdown();
    expect(left).toBe(true);
  });
});
