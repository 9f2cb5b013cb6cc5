import { EVENT_TIMING_THRESHOLD_MS, type EventEntry, type LongTask } from './browser-figures';

/** The count the page shows, and the button its person presses (Counter.tsx). */
export const COUNT_SELECTOR = '.counter p.count';
export const CLICK_SELECTOR = '.counter button.click';

/** What the page recorded, as `window.__bench.take()` returns it. */
export interface PageRecord {
  /** Which observers the browser supports: 'event', 'first-input', 'longtask'. */
  supported: string[];
  events: EventEntry[];
  longTasks: LongTask[];
  /**
   * The page's own clicks on the button: [the click event's timestamp, the count the server
   * acked it with (-1: none), click → that count painted in ms (-1: not seen)].
   */
  clicks: [at: number, count: number, paintedMs: number][];
  /** performance.now() when taken. */
  now: number;
}

/**
 * Runs in the page before its own scripts (an init script), as plain JavaScript: keeps the
 * Event Timing entries of clicks (16 ms threshold, buffered, and the first input), the long
 * tasks, and for each click on the count button the time until a count at least the one its
 * ack carries is on screen. The ack is read off the WebSocket (`43<id>[{"ok":true,"count":N}]`,
 * for the `42<id>["click",…]` the app sent after the click); the count on screen from a
 * MutationObserver on the count, stamped in the next animation frame (the frame that paints it).
 * Only what is needed is kept, so the bench itself adds little to the heap it measures.
 */
export const PAGE_SCRIPT = `(() => {
  const GIVE_UP_MS = 15000;
  const bench = { supported: [], events: [], longTasks: [], clicks: [], watching: false };
  const display = [];
  const unresolved = () => bench.clicks.filter((c) => c.painted === -1);
  const resolve = () => {
    const now = performance.now();
    for (const c of unresolved()) {
      if (c.count >= 0) {
        const shown = display.find(([value, at]) => at >= c.at && value >= c.count);
        if (shown) c.painted = shown[1] - c.at;
      }
      if (c.painted === -1 && now - c.at > GIVE_UP_MS) c.painted = -2;
    }
    const open = unresolved();
    const since = open.length ? Math.min(...open.map((c) => c.at)) : Infinity;
    while (display.length && display[0][1] < since) display.shift();
  };
  const observe = (type, options, each) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
    new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({
      type,
      buffered: true,
      ...options,
    });
    bench.supported.push(type);
  };
  const keep = ['pointerdown', 'pointerup', 'click'];
  const entry = (e) => bench.events.push([e.name, e.startTime, e.duration]);
  observe('event', { durationThreshold: ${EVENT_TIMING_THRESHOLD_MS} }, (e) => keep.includes(e.name) && entry(e));
  observe('first-input', {}, entry);
  observe('longtask', {}, (e) => bench.longTasks.push([e.startTime, e.duration]));

  document.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && e.target.closest(${JSON.stringify(CLICK_SELECTOR)}))
        bench.clicks.push({ at: e.timeStamp, ackId: -1, count: -1, painted: -1 });
    },
    true,
  );

  const Native = window.WebSocket;
  const sent = (data) => {
    const m = /^42(\\d+)\\["click"/.exec(data);
    if (!m) return;
    const c = bench.clicks.find((x) => x.ackId === -1);
    if (c) c.ackId = Number(m[1]);
  };
  const received = (data) => {
    const m = /^43(\\d+)\\[/.exec(data);
    if (!m) return;
    const c = bench.clicks.find((x) => x.ackId === Number(m[1]));
    if (!c || c.count >= 0) return;
    try {
      const [answer] = JSON.parse(data.slice(2 + m[1].length));
      if (answer && answer.ok && typeof answer.count === 'number') c.count = answer.count;
    } catch {}
    resolve();
  };
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (m) => typeof m.data === 'string' && received(m.data));
    }
    send(data) {
      if (typeof data === 'string') sent(data);
      return super.send(data);
    }
  }
  window.WebSocket = Watched;

  bench.watch = () => {
    const el = document.querySelector(${JSON.stringify(COUNT_SELECTOR)});
    if (!el) return false;
    new MutationObserver(() => {
      if (!unresolved().length) return;
      const value = Number((el.textContent || '').replace(/\\D/g, ''));
      requestAnimationFrame(() => {
        display.push([value, performance.now()]);
        resolve();
      });
    }).observe(el, { characterData: true, childList: true, subtree: true });
    bench.watching = true;
    return true;
  };
  bench.pending = () => (resolve(), unresolved().length);
  bench.take = () => (
    resolve(),
    {
      supported: bench.supported,
      events: bench.events,
      longTasks: bench.longTasks,
      clicks: bench.clicks.map((c) => [c.at, c.count, c.painted < 0 ? -1 : c.painted]),
      now: performance.now(),
    }
  );
  Object.defineProperty(window, '__bench', { value: bench });
})();`;
