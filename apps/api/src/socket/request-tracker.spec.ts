import { RequestTracker } from './request-tracker';

describe('RequestTracker', () => {
  it('drains only after the requests in flight finish', async () => {
    const tracker = new RequestTracker();
    tracker.started();
    let drained = false;
    const draining = tracker.drain(5000).then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(drained).toBe(false);
    tracker.finished();
    await draining;
    expect(drained).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const tracker = new RequestTracker();
    tracker.started();
    const started = Date.now();
    await tracker.drain(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
