import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { WriteBatch } from './write-batch';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A sync the test finishes by hand, counting how often it was started. */
function manualSync() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const sync = jest.fn(
    () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject })),
  );
  return { sync, pending };
}

describe('WriteBatch', () => {
  const transactions: number[] = [];
  const commit = (work: () => void) => {
    transactions.push(1);
    work();
  };

  beforeEach(() => (transactions.length = 0));

  it('runs the writes of one turn in one transaction, then one sync for all of them', async () => {
    const { sync, pending } = manualSync();
    const batch = new WriteBatch(commit, sync);
    const acks = [batch.add(() => 1), batch.add(() => 2), batch.add(() => 3)];
    await turn();
    expect(transactions).toHaveLength(1);
    expect(sync).toHaveBeenCalledTimes(1);
    pending[0].resolve();
    await expect(Promise.all(acks)).resolves.toEqual([1, 2, 3]);
  });

  it('tells onCommit the result at once, and settles the write only once it is synced', async () => {
    const { sync, pending } = manualSync();
    const batch = new WriteBatch(commit, sync);
    const committed: number[] = [];
    let acked = false;
    void batch
      .add(
        () => 7,
        (value) => committed.push(value),
      )
      .then(() => (acked = true));
    await turn();
    expect(committed).toEqual([7]);
    await turn();
    expect(acked).toBe(false);
    pending[0].resolve();
    await turn();
    expect(acked).toBe(true);
  });

  it('starts the sync once every onCommit of the transaction has run', async () => {
    const { sync } = manualSync();
    const batch = new WriteBatch(commit, sync);
    const order: string[] = [];
    sync.mockImplementation(() => (order.push('sync'), new Promise<void>(() => undefined)));
    void batch.add(
      () => 1,
      () => order.push('commit 1'),
    );
    void batch.add(
      () => 2,
      () => order.push('commit 2'),
    );
    await turn();
    expect(order).toEqual(['commit 1', 'commit 2', 'sync']);
  });

  it('settles every write, this one and later ones, when a commit listener throws', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const batch = new WriteBatch(commit, async () => undefined);
      const heard: number[] = [];
      const failing = batch.add(
        () => 1,
        () => {
          throw new Error('listener bug');
        },
      );
      const neighbour = batch.add(
        () => 2,
        (value) => heard.push(value),
      );
      await expect(Promise.all([failing, neighbour])).resolves.toEqual([1, 2]);
      expect(heard).toEqual([2]);
      await expect(batch.add(() => 3)).resolves.toBe(3);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.objectContaining({ message: 'listener bug' }) }),
        'a commit listener failed',
      );
    } finally {
      logged.mockRestore();
    }
  });

  it('holds a write queued while every sync runs, then commits and syncs it on its own, never with the sync in flight', async () => {
    const { sync, pending } = manualSync();
    const batch = new WriteBatch(commit, sync, { maxSyncs: 1 });
    const first = batch.add(() => 'first');
    await turn();
    let secondAcked = false;
    const second = batch.add(() => 'second').then((v) => ((secondAcked = true), v));
    await turn();
    expect([transactions.length, sync.mock.calls.length]).toEqual([1, 1]);
    pending[0].resolve();
    await expect(first).resolves.toBe('first');
    expect(secondAcked).toBe(false);
    await turn();
    expect([transactions.length, sync.mock.calls.length]).toEqual([2, 2]);
    pending[1].resolve();
    await expect(second).resolves.toBe('second');
  });

  it('runs up to two syncs at once; the writes queued meanwhile commit together when one ends', async () => {
    const { sync, pending } = manualSync();
    const batch = new WriteBatch(commit, sync);
    const first = batch.add(() => 1);
    await turn();
    const second = batch.add(() => 2);
    await turn();
    expect(sync).toHaveBeenCalledTimes(2);
    const third = batch.add(() => 3);
    const fourth = batch.add(() => 4);
    await turn();
    await turn();
    const later = batch.add(() => 5);
    await turn();
    // Nothing committed while both syncs were busy.
    expect([transactions.length, sync.mock.calls.length]).toEqual([2, 2]);
    pending[1].resolve();
    await expect(second).resolves.toBe(2);
    await turn();
    // One transaction and one sync for everything queued meanwhile.
    expect([transactions.length, sync.mock.calls.length]).toEqual([3, 3]);
    pending[2].resolve();
    await expect(Promise.all([third, fourth, later])).resolves.toEqual([3, 4, 5]);
    pending[0].resolve();
    await expect(first).resolves.toBe(1);
  });

  it('rejects the writes of a failed sync, and only those', async () => {
    const { sync, pending } = manualSync();
    const batch = new WriteBatch(commit, sync);
    const lost = batch.add(() => 1);
    await turn();
    const next = batch.add(() => 2);
    await turn();
    pending[0].reject(new Error('EIO'));
    await expect(lost).rejects.toThrow('EIO');
    await turn();
    pending[1].resolve();
    await expect(next).resolves.toBe(2);
  });

  it('rejects every write of a transaction that cannot commit, without a sync or onCommit', async () => {
    const { sync } = manualSync();
    const onCommit = jest.fn();
    const batch = new WriteBatch(() => {
      throw new Error('SQLITE_FULL');
    }, sync);
    await expect(batch.add(() => 1, onCommit)).rejects.toThrow('SQLITE_FULL');
    expect(onCommit).not.toHaveBeenCalled();
    expect(sync).not.toHaveBeenCalled();
  });

  it('drains once every queued write is committed and synced', async () => {
    const { sync, pending } = manualSync();
    const batch = new WriteBatch(commit, sync);
    void batch.add(() => 1);
    let drained = false;
    void batch.drain().then(() => (drained = true));
    await turn();
    await turn();
    expect(drained).toBe(false);
    pending[0].resolve();
    await turn();
    expect(drained).toBe(true);
    await expect(batch.drain()).resolves.toBeUndefined();
  });

  it('tells how long each write waited for its transaction and each sync took', async () => {
    const { sync, pending } = manualSync();
    const waited: number[] = [];
    const synced: number[] = [];
    const batch = new WriteBatch(commit, sync, {
      maxSyncs: 1,
      timings: { waited: (s) => waited.push(s), synced: (s) => synced.push(s) },
    });
    const first = batch.add(() => 1);
    await turn();
    // Queued while the only sync runs: it waits for that sync to end.
    const second = batch.add(() => 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    pending[0].resolve();
    await first;
    while (pending.length < 2) await turn();
    pending[1].resolve();
    await second;
    await turn();
    expect(waited).toHaveLength(2);
    expect(waited[0]).toBeLessThan(0.025);
    expect(waited[1]).toBeGreaterThanOrEqual(0.025);
    expect(synced).toHaveLength(2);
    expect(synced[0]).toBeGreaterThanOrEqual(0.025);
  });
});
