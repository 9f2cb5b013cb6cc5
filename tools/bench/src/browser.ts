import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions, workspaceRoot, type ServerProcess } from '@live/test-support';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import {
  clickDurations,
  longTaskShare,
  memoryTrends,
  spreadOf,
  type MemorySample,
  type Span,
} from './browser-figures';
import { CLICK_SELECTOR, PAGE_SCRIPT, type PageRecord } from './browser-page';
import type { BenchOptions } from './options';
import type { WorkerPool } from './pool';
import { isRunning, readCpuSeconds } from './proc';
import type { BrowserPoint } from './results';
import { startServer } from './servers';
import type { AckSeries, Collected } from './worker-protocol';
import { ackFigures, connectClients, mergeCollected, mergeSeries } from './worker-replies';

/** The load clients click this often each, with an ack (the storm's clicks). */
export const BROWSER_LOAD_RATE = 1;
/** The page's person clicks this often. */
const PAGE_CLICK_INTERVAL_MS = 1000;
/** The page's memory is read this often (after a forced garbage collection). */
const MEMORY_EVERY_MS = 10_000;
/** The load runs this long before the page's first measured click. */
const LOAD_LEAD_MS = 2000;
/** After the last click: time for its count to be painted, while the load still runs. */
const LOAD_TAIL_MS = 2000;
/** A Playwright click on the button gives up after this (the button disabled, the page stuck). */
const CLICK_TIMEOUT_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's performance.now() (the global one: the function runs in the page). */
const pageNow = (page: Page) => page.evaluate(() => performance.now());

/**
 * One reading of the page's memory: a full garbage collection first (so growth is what stays,
 * not garbage), then the JS heap in use and the DOM nodes. Returns the span of page time the
 * collection took, to leave its long task out.
 */
async function readMemory(
  page: Page,
  cdp: CDPSession,
  atS: number,
): Promise<{ sample: MemorySample; gc: Span }> {
  const from = await pageNow(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const to = await pageNow(page);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    sample: { atS, heapBytes: metric('JSHeapUsedSize'), nodes: metric('Nodes') },
    gc: { from, to },
  };
}

/** Opens the lobby in a fresh context and waits until it is connected over its WebSocket. */
async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 720 },
    locale: 'en-US',
    colorScheme: 'light',
  });
  await context.addInitScript({ content: PAGE_SCRIPT });
  const page = await context.newPage();
  // The upgrade packet (`5`) out: the connection has moved from long-polling to its WebSocket,
  // whose frames the page script reads.
  const upgraded = new Promise<void>((resolve) =>
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (frame.payload === '5') resolve();
      }),
    ),
  );
  await page.goto(url);
  await page.locator(`${CLICK_SELECTOR}:enabled`).waitFor({ timeout: 30_000 });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    upgraded,
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('the page did not move to its WebSocket within 15 s')),
        15_000,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  const watching = await page.evaluate(() =>
    (globalThis as unknown as { __bench: { watch: () => boolean } }).__bench.watch(),
  );
  if (!watching) throw new Error('the page shows no count to watch');
  return page;
}

/** What the page's person did: clicks done and failed. */
interface Clicking {
  clicked: number;
  failed: number;
  firstFailure?: string;
}

/** Clicks the real button once every PAGE_CLICK_INTERVAL_MS for `seconds`. */
async function clickFor(
  page: Page,
  seconds: number,
  progress: (done: number) => void,
): Promise<Clicking> {
  const button = page.locator(CLICK_SELECTOR);
  const result: Clicking = { clicked: 0, failed: 0 };
  const start = performance.now();
  const clicks = Math.max(1, Math.round((seconds * 1000) / PAGE_CLICK_INTERVAL_MS));
  for (let i = 0; i < clicks; i++) {
    await sleep(start + i * PAGE_CLICK_INTERVAL_MS - performance.now());
    try {
      await button.click({ timeout: CLICK_TIMEOUT_MS });
      result.clicked++;
    } catch (error) {
      result.failed++;
      result.firstFailure ??= (error as Error).message.split('\n')[0];
    }
    progress(i + 1);
  }
  await sleep(start + seconds * 1000 - performance.now());
  return result;
}

/** Reads the page's memory at the start and every MEMORY_EVERY_MS until `stop` says so. */
async function sampleMemory(
  page: Page,
  cdp: CDPSession,
  stopped: () => boolean,
): Promise<{ samples: MemorySample[]; gcs: Span[] }> {
  const samples: MemorySample[] = [];
  const gcs: Span[] = [];
  const start = performance.now();
  for (let i = 0; !stopped(); i++) {
    const { sample, gc } = await readMemory(page, cdp, (performance.now() - start) / 1000);
    samples.push(sample);
    gcs.push(gc);
    const next = start + (i + 1) * MEMORY_EVERY_MS;
    while (!stopped() && performance.now() < next)
      await sleep(Math.min(250, next - performance.now()));
  }
  return { samples, gcs };
}

/**
 * The browser scenario on a fresh project server (the built API serving the built UI):
 * `browserLoadClients` load clients in the lobby click once a second each with an ack while a
 * page in headless Chromium, in the lobby too, has its person click the count button once a
 * second for `browserSeconds`; the page records Event Timing, long tasks and when each of its
 * clicks' counts is painted, and its memory is read every 10 s after a garbage collection.
 * Always closes the browser, stops the load and the server.
 */
export async function runBrowser(
  options: BenchOptions,
  pool: WorkerPool,
  round: number,
  say: (phase: string, live?: () => string) => void,
): Promise<BrowserPoint> {
  const { browserLoadClients: n, browserSeconds, ackTimeoutMs, connectTimeoutMs } = options;
  const point: BrowserPoint = {
    target: 'project',
    round,
    serverUp: false,
    loadClients: n,
    welcomed: 0,
  };
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let load: Promise<AckSeries[]> | undefined;
  try {
    const ui = join(workspaceRoot(), 'dist/apps/client/index.html');
    if (!existsSync(ui)) throw new Error(`${ui} is missing: run \`npx nx build client\` first`);
    say('starting server');
    server = await startServer('project', { api: options.api, profileDir: options.profileDir });
    const url = server.url;

    say(`connecting ${n} load clients`);
    const { welcomed, shortfall } = await connectClients(pool, {
      url,
      n,
      timeoutMs: connectTimeoutMs,
    });
    point.welcomed = welcomed;
    if (shortfall) throw shortfall;

    say('opening the page in Chromium');
    browser = await chromium.launch(chromiumLaunchOptions());
    const page = await openPage(browser, url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    await pool.all({ cmd: 'record', mode: 'click-count' });
    load = pool.all<AckSeries>({
      cmd: 'storm',
      rate: BROWSER_LOAD_RATE,
      durationMs: LOAD_LEAD_MS + browserSeconds * 1000 + LOAD_TAIL_MS,
      ackTimeoutMs,
    });
    // Not left unhandled if the page fails first; awaited below either way.
    load.catch(() => undefined);
    say(`${n} load clients × ${BROWSER_LOAD_RATE} click/s: first second`);
    await sleep(LOAD_LEAD_MS);

    let done = 0;
    let stopped = false;
    say(`${n} load clients × ${BROWSER_LOAD_RATE} click/s, the page clicking 1/s`, () => {
      const sent = pool.progress.reduce((sum, p) => sum + p.sent, 0);
      return `page clicks ${done}/${browserSeconds}, load clicks sent ${sent}`;
    });
    const cpu0 = readCpuSeconds(server.pid);
    const t0 = performance.now();
    const from = await pageNow(page);
    const memory = sampleMemory(page, cdp, () => stopped);
    const clicking = await clickFor(page, browserSeconds, (i) => (done = i)).finally(() => {
      stopped = true;
    });
    const to = await pageNow(page);
    point.serverCpuPct =
      (100 * (readCpuSeconds(server.pid) - cpu0)) / ((performance.now() - t0) / 1000);
    const { samples, gcs } = await memory;
    // One last reading at the end, for the trend's last point.
    const last = await readMemory(page, cdp, (performance.now() - t0) / 1000);
    samples.push(last.sample);
    gcs.push(last.gc);

    say('waiting for the last click to be painted');
    const pending = () =>
      page.evaluate(() =>
        (globalThis as unknown as { __bench: { pending: () => number } }).__bench.pending(),
      );
    for (let waited = 0; waited < LOAD_TAIL_MS && (await pending()) > 0; waited += 100)
      await sleep(100);
    const record = await page.evaluate(() =>
      (globalThis as unknown as { __bench: { take: () => PageRecord } }).__bench.take(),
    );

    const clicks = record.clicks.filter(([at]) => at >= from);
    point.seconds = browserSeconds;
    point.supported = record.supported;
    point.clicks = {
      clicked: clicking.clicked,
      failed: clicking.failed,
      seen: clicks.length,
      acked: clicks.filter(([, count]) => count >= 0).length,
    };
    if (clicking.firstFailure) point.error = `a page click failed: ${clicking.firstFailure}`;
    point.eventTiming = clickDurations(
      clicks.map(([at]) => at),
      record.events,
    );
    point.painted = spreadOf(clicks.flatMap(([, , ms]) => (ms >= 0 ? [ms] : [])));
    point.longTasks = longTaskShare(record.longTasks, { from, to }, gcs);
    point.memory = { samples, ...memoryTrends(samples) };

    say('stopping the load');
    const series = mergeSeries(await load);
    load = undefined;
    point.load = ackFigures(series);
    point.loadGeneratorBusy = mergeCollected(await pool.all<Collected>({ cmd: 'collect' })).busy;
    await pool.all({ cmd: 'record', mode: 'off' });
  } catch (error) {
    point.error = (error as Error).message;
  } finally {
    point.serverUp = server !== undefined && isRunning(server.pid);
    say('closing the browser and disconnecting');
    await browser?.close().catch(() => undefined);
    // The workers' clicking ends on its own at its set time: wait for it before the next step.
    await load?.catch(() => undefined);
    await pool.all({ cmd: 'record', mode: 'off' }).catch(() => undefined);
    await pool.all({ cmd: 'disconnect' }).catch(() => undefined);
    await server?.stop();
  }
  return point;
}
