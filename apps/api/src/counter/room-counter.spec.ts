import { jest } from '@jest/globals';
import type { Store } from '../store/store';
import { RoomCounter } from './room-counter';

describe('RoomCounter', () => {
  const store = {
    count: jest.fn<Store['count']>(),
    click: jest.fn<Store['click']>(),
    resetCounter: jest.fn<Store['resetCounter']>(),
  };
  const service = new RoomCounter(store as unknown as Store, 'maths');

  it('starts from the stored count', async () => {
    store.count.mockResolvedValue(41);
    await service.load();
    expect(service.current).toBe(41);
  });

  it('returns the count after each click and tracks the latest', async () => {
    store.click.mockResolvedValue(42);
    expect(await service.click('a')).toBe(42);
    expect(store.click).toHaveBeenCalledWith('maths', 'a', expect.any(Function));
    expect(service.current).toBe(42);
  });

  it('never moves the current count back for a retried click', async () => {
    store.click.mockResolvedValue(40);
    expect(await service.click('old')).toBe(40);
    expect(service.current).toBe(42);
  });

  it('tells its listeners of a click once it is committed, before it is durable', async () => {
    let durable: () => void = () => undefined;
    store.click.mockImplementationOnce(
      (_room, _id, onCommit) =>
        new Promise((resolve) => {
          onCommit?.(43);
          durable = () => resolve(43);
        }),
    );
    const heard: number[] = [];
    service.onChange(() => heard.push(service.current));
    const click = service.click('b');
    expect(heard).toEqual([43]);
    durable();
    expect(await click).toBe(43);
    expect(heard).toEqual([43]);
  });

  it('stops telling a listener once it unsubscribed', async () => {
    let heard = 0;
    const stop = service.onChange(() => heard++);
    store.click.mockImplementation(
      async (_room, _id, onCommit) => (onCommit?.(service.current + 1), 0),
    );
    await service.click();
    stop();
    await service.click();
    expect(heard).toBe(1);
    store.click.mockReset();
  });

  it('resets to 0 once the store has, and counts up from there', async () => {
    store.resetCounter.mockResolvedValue(0);
    expect(await service.reset()).toBe(0);
    expect(service.current).toBe(0);
    store.click.mockResolvedValue(1);
    await service.click();
    expect(service.current).toBe(1);
  });
});
