import { jest } from '@jest/globals';
import { LiveMetrics } from '../metrics/live-metrics';
import { InstrumentedStore } from './instrumented-store';
import { StoreUnavailableError, type Store } from './store';

describe('InstrumentedStore', () => {
  const adapter = {
    click: jest.fn<Store['click']>(),
    count: jest.fn<Store['count']>(),
    append: jest.fn<Store['append']>(),
    messages: jest.fn<Store['messages']>(),
    delete: jest.fn<Store['delete']>(),
    resetCounter: jest.fn<Store['resetCounter']>(),
    check: jest.fn<Store['check']>(),
    close: jest.fn<Store['close']>(),
  };
  let metrics: LiveMetrics;
  let store: InstrumentedStore;
  const timed = async (operation: string) =>
    (await metrics.storeSeconds.get()).values.find(
      (v) => v.metricName?.endsWith('_count') && v.labels['operation'] === operation,
    )?.value ?? 0;
  const failed = async (operation: string) =>
    (await metrics.storeErrors.get()).values.find((v) => v.labels['operation'] === operation)
      ?.value ?? 0;

  beforeEach(() => {
    jest.clearAllMocks();
    metrics = new LiveMetrics();
    store = new InstrumentedStore(adapter, metrics);
  });

  it('passes every call and its result through, the commit listener too, and times it', async () => {
    const onCommit = jest.fn();
    adapter.click.mockImplementation(async (_id, listener) => (listener?.(3), 3));
    expect(await store.click('c1', onCommit)).toBe(3);
    expect(adapter.click).toHaveBeenCalledWith('c1', onCommit);
    expect(onCommit).toHaveBeenCalledWith(3);
    adapter.messages.mockResolvedValue([]);
    expect(await store.messages({ limit: 5 })).toEqual([]);
    expect(adapter.messages).toHaveBeenCalledWith({ limit: 5 });
    expect([await timed('click'), await timed('messages'), await failed('click')]).toEqual([
      1, 1, 0,
    ]);
  });

  it('counts a failure by operation and rethrows it unchanged', async () => {
    const outage = new StoreUnavailableError('Redis is unavailable');
    adapter.append.mockRejectedValue(outage);
    await expect(
      store.append({ id: 'a', author: 'Ada', text: 'x', sentAt: '2026-01-01T00:00:00.000Z' }),
    ).rejects.toBe(outage);
    expect([await failed('append'), await timed('append')]).toEqual([1, 1]);
  });

  it('closes the adapter without measuring it', async () => {
    adapter.close.mockResolvedValue();
    await store.close();
    expect(adapter.close).toHaveBeenCalled();
    expect((await metrics.storeSeconds.get()).values.filter((v) => v.value > 0)).toEqual([]);
  });
});
