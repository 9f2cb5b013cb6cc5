import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, Subject } from 'rxjs';
import { RequestTracker, RequestTrackingInterceptor } from './request-tracker';

describe('RequestTracker', () => {
  const track = (tracker: RequestTracker, result: Subject<string>) =>
    new RequestTrackingInterceptor(tracker).intercept(
      {} as ExecutionContext,
      {
        handle: () => result,
      } as CallHandler,
    );

  it('drains only after the requests in flight finish', async () => {
    const tracker = new RequestTracker();
    const result = new Subject<string>();
    const handled = lastValueFrom(track(tracker, result));
    let drained = false;
    const draining = tracker.drain(5000).then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(drained).toBe(false);
    result.next('ack');
    result.complete();
    await handled;
    await draining;
    expect(drained).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const tracker = new RequestTracker();
    track(tracker, new Subject()).subscribe();
    const started = Date.now();
    await tracker.drain(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
