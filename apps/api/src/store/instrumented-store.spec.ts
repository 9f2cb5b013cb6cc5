import { jest } from '@jest/globals';
import { LiveMetrics } from '../metrics/live-metrics';
import { InstrumentedStore } from './instrumented-store';
import { LOBBY } from '@live/shared-events';
import { StoreUnavailableError, type Identity, type Store } from './store';

describe('InstrumentedStore', () => {
  const adapter = {
    click: jest.fn<Store['click']>(),
    count: jest.fn<Store['count']>(),
    append: jest.fn<Store['append']>(),
    messages: jest.fn<Store['messages']>(),
    delete: jest.fn<Store['delete']>(),
    message: jest.fn<Store['message']>(),
    edit: jest.fn<Store['edit']>(),
    identity: jest.fn<Store['identity']>(),
    saveIdentity: jest.fn<Store['saveIdentity']>(),
    claimName: jest.fn<Store['claimName']>(),
    releaseName: jest.fn<Store['releaseName']>(),
    mute: jest.fn<Store['mute']>(),
    mutedUntil: jest.fn<Store['mutedUntil']>(),
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

  it('passes every call and its result through, the room and commit listener too, and times it', async () => {
    const onCommit = jest.fn();
    adapter.click.mockImplementation(async (_room, _id, listener) => (listener?.(3), 3));
    expect(await store.click('maths', 'c1', onCommit)).toBe(3);
    expect(adapter.click).toHaveBeenCalledWith('maths', 'c1', onCommit);
    expect(onCommit).toHaveBeenCalledWith(3);
    adapter.messages.mockResolvedValue([]);
    expect(await store.messages('maths', { limit: 5 })).toEqual([]);
    expect(adapter.messages).toHaveBeenCalledWith('maths', { limit: 5 });
    expect([await timed('click'), await timed('messages'), await failed('click')]).toEqual([
      1, 1, 0,
    ]);
  });

  it('times every room under one series per operation, with no room label', async () => {
    adapter.count.mockResolvedValue(0);
    await store.count(LOBBY);
    await store.count('maths');
    const series = (await metrics.storeSeconds.get()).values.filter(
      (v) => v.metricName?.endsWith('_count') && v.labels['operation'] === 'count',
    );
    expect(series).toEqual([expect.objectContaining({ labels: { operation: 'count' }, value: 2 })]);
  });

  it('passes the room, message, identity, name and mute operations through, each timed under its name', async () => {
    const ada: Identity = { id: 'u1', name: 'Ada', createdAt: 1, lastSeenAt: 2 };
    const calls: [keyof typeof adapter, unknown[]][] = [
      ['count', ['maths']],
      [
        'append',
        ['maths', { id: 'm1', author: 'Ada', text: 'x', sentAt: '2026-01-01T00:00:00.000Z' }],
      ],
      ['delete', ['maths', 'm1']],
      ['message', ['maths', 'm1']],
      ['edit', ['maths', 'm1', 'new text', '2026-01-01T00:00:00.000Z']],
      ['resetCounter', ['maths']],
      ['identity', ['u1']],
      ['saveIdentity', [ada, 60_000]],
      ['claimName', ['ada', 'u1', 5]],
      ['releaseName', ['ada', 'u1']],
      ['mute', ['u1', 5]],
      ['mutedUntil', ['u1']],
    ];
    for (const [operation, args] of calls) {
      const adapted = adapter[operation] as jest.Mock<(...args: unknown[]) => Promise<unknown>>;
      adapted.mockResolvedValue(`${operation} result`);
      const call = store[operation] as (...args: unknown[]) => Promise<unknown>;
      expect(await call.apply(store, args)).toBe(`${operation} result`);
      expect(adapted).toHaveBeenCalledWith(...args);
      expect(await timed(operation)).toBe(1);
    }
  });

  it('counts a failure by operation and rethrows it unchanged', async () => {
    const outage = new StoreUnavailableError('Redis is unavailable');
    adapter.append.mockRejectedValue(outage);
    await expect(
      store.append(LOBBY, {
        id: 'a',
        author: 'Ada',
        text: 'x',
        sentAt: '2026-01-01T00:00:00.000Z',
      }),
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
