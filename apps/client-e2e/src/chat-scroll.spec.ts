import { LIMITS } from '@live/shared-events';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromiumLaunchOptions, startBuiltApi, type ServerProcess } from '@live/test-support';
import { chromium, type Browser } from 'playwright-core';
import { io } from 'socket.io-client';

let server: ServerProcess;
let browser: Browser;

// More than a welcome holds, so "Load older messages" is offered; each writer stays within
// the message burst (a new connection without a session is a new person), and past the
// address's burst waits as the server says.
const MESSAGES = LIMITS.welcomeMessages + 5;
const PER_WRITER = 5;

interface Answer {
  ok: boolean;
  error?: { code: string; retryAfterMs?: number };
}

async function write(first: number): Promise<void> {
  const writer = io(server.url, { transports: ['websocket'] });
  try {
    for (let i = first; i < Math.min(first + PER_WRITER, MESSAGES);) {
      const answer = (await writer.timeout(5000).emitWithAck('message', `message ${i}`)) as Answer;
      if (answer.ok) i += 1;
      else if (answer.error?.retryAfterMs !== undefined) await sleep(answer.error.retryAfterMs);
      else throw new Error(`message ${i} was refused: ${JSON.stringify(answer)}`);
    }
  } finally {
    writer.close();
  }
}

beforeAll(async () => {
  server = await startBuiltApi();
  browser = await chromium.launch(chromiumLaunchOptions());
  for (let first = 0; first < MESSAGES; first += PER_WRITER) await write(first);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the chat log under the keyboard', () => {
  it('stays at the newest message while Tab passes "Load older messages"', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.getByText(`message ${MESSAGES - 1}`, { exact: true }).waitFor();
    const older = page.getByRole('button', { name: 'Load older messages' });
    await older.and(page.locator(':enabled')).waitFor();
    const scrollTop = () =>
      page.evaluate(() => (document.querySelector('.scroller') as HTMLElement).scrollTop);
    const atBottom = await scrollTop();
    expect(atBottom).toBeGreaterThan(0);

    // From the control before it, as a keyboard user gets there.
    await page.getByRole('button', { name: /Click/ }).focus();
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if (await older.evaluate((button) => button === document.activeElement)) break;
    }
    expect(await older.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await scrollTop()).toBe(atBottom);

    await page.getByRole('textbox', { name: 'Message' }).focus();
    expect(await scrollTop()).toBe(atBottom);
    await page.close();
  });

  it('stays at the newest message when the last one grows in place (edited)', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const writer = io(server.url, { transports: ['websocket'] });
    try {
      await page.goto(server.url);
      await page.getByText(`message ${MESSAGES - 1}`, { exact: true }).waitFor();
      const sent = (await writer.timeout(5000).emitWithAck('message', 'short for now')) as {
        message: { id: string };
      };
      const log = page.getByRole('log', { name: 'Messages' });
      await log.getByText('short for now', { exact: true }).waitFor();
      const belowView = () =>
        page.evaluate(() => {
          const scroller = document.querySelector('.scroller') as HTMLElement;
          return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
        });
      expect(await belowView()).toBeLessThanOrEqual(1);

      const longer = Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n');
      await writer.timeout(5000).emitWithAck('message:edit', { id: sent.message.id, text: longer });
      await log.getByText(/line 11/).waitFor();
      // The resize is handled after layout: give it the frame it needs.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
      expect(await belowView()).toBeLessThanOrEqual(1);
    } finally {
      writer.close();
      await page.close();
    }
  });
});
