import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromiumLaunchOptions,
  eventually,
  freePort,
  startBuiltApi,
  type ServerProcess,
} from '@live/test-support';
import { chromium, type Browser, type Page } from 'playwright-core';
import { say } from './session';

// Each run saves its screenshots under dist/; UPDATE_SCREENSHOT=1 refreshes the README's.
const screenshotPath = (file: string) =>
  join(
    __dirname,
    ...(process.env['UPDATE_SCREENSHOT'] === '1'
      ? ['..', '..', '..', 'docs', file]
      : ['..', '..', '..', 'dist', 'client-e2e', file]),
  );

let port: number;
let dataDir: string;
let server: ServerProcess;
let browser: Browser;
let ada: Page;
let bo: Page;

/** Console errors and page errors; the ones while the server is deliberately down go aside. */
const consoleErrors: string[] = [];
const outageErrors: string[] = [];
let serverDown = false;

const countOf = async (page: Page) =>
  Number(
    (await page.getByRole('status', { name: 'Clicks so far' }).textContent())?.replace(/\D/g, ''),
  );

const inLog = (page: Page, text: string) =>
  page.getByRole('log', { name: 'Messages' }).getByText(text, { exact: true });

/**
 * Resolves when the page's connection has moved from long-polling to its WebSocket (the client's
 * upgrade packet, `5`, went out). A page closed before that leaves a polling connection with no
 * request in flight, which the server only notices at the heartbeat timeout.
 */
const upgraded = new WeakMap<Page, Promise<void>>();

interface Look {
  viewport?: { width: number; height: number };
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

async function openAs(name: string, look: Look = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: look.viewport ?? { width: 1100, height: 720 },
    locale: look.locale ?? 'en-US',
    colorScheme: look.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  upgraded.set(
    page,
    new Promise((resolve) => {
      page.on('websocket', (socket) =>
        socket.on('framesent', (frame) => {
          if (frame.payload === '5') resolve();
        }),
      );
    }),
  );
  page.on('console', (message) => {
    if (message.type() === 'error')
      (serverDown ? outageErrors : consoleErrors).push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // The name a person picked before, as the app keeps it: taken at connect, so the others
  // see them arrive as themselves, with no "Guest 1234 is now …" in the chat.
  await context.addInitScript((picked) => localStorage.setItem('live-counter.name', picked), name);
  await page.goto(server.url);
  // By class, not by its words: the same in every language.
  await page.locator('button.click:enabled').waitFor();
  return page;
}

/** The production server (`npm start` without the build), its log lines beside the test's. */
const startServer = () => startBuiltApi({ port, dataDir, echo: true });

beforeAll(async () => {
  port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'live-e2e-'));
  server = await startServer();
  browser = await chromium.launch(chromiumLaunchOptions());
  ada = await openAs('Ada');
  bo = await openAs('Bo');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('two people on the live counter', () => {
  it('both see how many are online', async () => {
    for (const page of [ada, bo]) await page.getByText('2 online', { exact: true }).waitFor();
  });

  it("see each other's clicks", async () => {
    const before = await countOf(bo);
    const click = ada.getByRole('button', { name: /Click/ });
    for (let i = 0; i < 3; i += 1) await click.click();

    // A browser on a busy machine renders slower than a socket delivers.
    const inTheBrowser = { timeoutMs: 15_000 };
    await eventually(async () => expect(await countOf(bo)).toBe(before + 3), inTheBrowser);
    await eventually(async () => expect(await countOf(ada)).toBe(before + 3), inTheBrowser);
  });

  it("see each other's typing and messages", async () => {
    const message = ada.getByRole('textbox', { name: 'Message' });
    await message.pressSequentially('Hi Bo, how are you?');
    await bo.getByText('Ada is typing…').waitFor();

    await message.press('Enter');
    await inLog(bo, 'Hi Bo, how are you?').waitFor();
    await bo.getByText('Ada is typing…').waitFor({ state: 'detached' });

    await bo.getByRole('textbox', { name: 'Message' }).fill('Great, thanks!');
    await bo.getByRole('button', { name: 'Send' }).click();
    await inLog(ada, 'Great, thanks!').waitFor();
  });

  it('see a link as a link and an edited message as edited, with a third person in the chat', async () => {
    const sam = await openAs('Sam');
    await ada.getByText('3 online', { exact: true }).waitFor();
    await say(sam, 'Morning! Are we still on for the demo at 3?');
    await say(bo, 'Yes, the notes are at https://example.com/demo-notes');
    await say(sam, 'I’ll bring the cofee');
    await sam.getByRole('button', { name: 'Edit your message “I’ll bring the cofee”' }).click();
    const editor = sam.getByRole('textbox', { name: 'Edit your message' });
    await editor.fill('I’ll bring the coffee');
    await editor.press('Enter');
    await say(ada, 'Perfect, see you all at 3!');

    const log = ada.getByRole('log', { name: 'Messages' });
    const link = log.getByRole('link', { name: 'https://example.com/demo-notes' });
    expect(await link.getAttribute('href')).toBe('https://example.com/demo-notes');
    await log
      .getByRole('listitem')
      .filter({ hasText: 'I’ll bring the coffee' })
      .getByText(/^edited/)
      .waitFor();

    // The README's picture of the app: a conversation, the composer without a focus ring.
    await ada.getByRole('textbox', { name: 'Message' }).blur();
    mkdirSync(join(screenshotPath('screenshot.png'), '..'), { recursive: true });
    await ada.screenshot({ path: screenshotPath('screenshot.png') });
    await upgraded.get(sam);
    await sam.context().close();
    await ada.getByText('2 online', { exact: true }).waitFor();
  });

  it('shows HTML in a message as the characters typed', async () => {
    const html = '<b>bold</b> <img src=x onerror="document.title=\'pwned\'">';
    await bo.getByRole('textbox', { name: 'Message' }).fill(html);
    await bo.getByRole('textbox', { name: 'Message' }).press('Enter');

    await inLog(ada, html).waitFor();
    const log = ada.getByRole('log', { name: 'Messages' });
    expect(await log.locator('b, img').count()).toBe(0);
    expect(await ada.title()).not.toBe('pwned');
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const phone = await openAs('Cy', { viewport: { width: 360, height: 740 } });
    await phone.getByText('3 online', { exact: true }).waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await upgraded.get(phone);
    await phone.context().close();
    await ada.getByText('2 online', { exact: true }).waitFor();
  });

  it('speaks French to a French browser: on a phone, in the dark theme, with a mention', async () => {
    const zoe = await openAs('Zoé', {
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
      colorScheme: 'dark',
    });
    await zoe.getByText('3 en ligne', { exact: true }).waitFor();
    expect(await zoe.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await zoe.title()).toBe('Compteur en direct');

    await say(ada, 'Bonjour ! La démo de 15 h tient toujours ?');
    await say(bo, 'Oui, les notes sont prêtes.');
    await say(bo, '@Zoé bienvenue ! Clique donc +1.');
    const mention = zoe
      .getByRole('log', { name: 'Messages' })
      .getByRole('listitem')
      .filter({ hasText: '@Zoé bienvenue' });
    await mention.getByText('vous mentionne').waitFor();
    await zoe.getByRole('button', { name: 'Cliquer +1' }).click();

    await zoe.screenshot({ path: screenshotPath('screenshot-fr-dark.png'), fullPage: true });
    await upgraded.get(zoe);
    await zoe.context().close();
    await ada.getByText('2 online', { exact: true }).waitFor();
  });

  it('shows the outage, then recovers and delivers a message written offline exactly once', async () => {
    serverDown = true;
    await server.stop();
    for (const page of [ada, bo]) {
      await page.getByRole('alert').filter({ hasText: 'Reconnecting…' }).waitFor();
      expect(await page.getByRole('button', { name: /Click/ }).isDisabled()).toBe(true);
    }

    const text = 'Written while the server was down';
    await ada.getByRole('textbox', { name: 'Message' }).fill(text);
    await ada.getByRole('textbox', { name: 'Message' }).press('Enter');
    await ada.getByText('Waiting for connection…').waitFor();

    server = await startServer();
    for (const page of [ada, bo]) {
      await page.getByRole('alert').filter({ hasText: 'Reconnecting…' }).waitFor({
        state: 'detached',
        timeout: 30_000,
      });
    }
    serverDown = false;

    await inLog(bo, text).waitFor();
    await inLog(ada, text).waitFor();
    await ada.getByText('Waiting for connection…').waitFor({ state: 'detached' });
    // A fresh page reads what the server stored: once, not twice.
    await bo.reload();
    await inLog(bo, text).waitFor();
    expect(await inLog(bo, text).count()).toBe(1);
    expect(await inLog(ada, text).count()).toBe(1);
  });

  it('is served under a strict CSP that the built page obeys (no inline script)', async () => {
    const response = await fetch(server.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/[^"]+"/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+="/i);
    // The app ran under that policy: had it blocked anything, Chromium would have logged a
    // console error, which the next test forbids.
  });

  it('logs no console errors (besides failed requests while the server was down)', () => {
    expect(consoleErrors).toEqual([]);
    for (const error of outageErrors) {
      expect(error).toMatch(/ERR_CONNECTION_REFUSED|WebSocket connection|Failed to load resource/);
    }
  });
});
