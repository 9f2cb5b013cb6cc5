import {
  chromiumLaunchOptions,
  eventually,
  startBuiltApi,
  type ServerProcess,
} from '@live/test-support';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { FAST_CHAT_ENV, messageLog, say, visit as visitAs, type VisitOptions } from './session';

let server: ServerProcess;
let browser: Browser;
const pages: Page[] = [];
const consoleErrors: string[] = [];

/** A person in a browser of their own, at `path` (the lobby unless given), connected. */
async function visit(path = '/', options: Omit<VisitOptions, 'path'> = {}): Promise<Page> {
  const page = await visitAs(browser, server.url, { path, ...options });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  pages.push(page);
  return page;
}

/** The figure on screen (the status read aloud is throttled). */
const countOf = async (page: Page) =>
  Number((await page.locator('.count').textContent())?.replace(/\D/g, ''));

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const onlineIs = (page: Page, online: number) =>
  page.getByText(`${online} online`, { exact: true }).waitFor();

// A browser on a busy machine renders slower than a socket delivers.
const inTheBrowser = { timeoutMs: 15_000 };

beforeAll(async () => {
  server = await startBuiltApi({ env: FAST_CHAT_ENV });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  // Each test's people leave, so the next one counts only its own as online.
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
  expect(consoleErrors.splice(0)).toEqual([]);
});

describe('rooms shared by link', () => {
  it('keeps two rooms and the lobby apart: no click or message crosses', async () => {
    const ada = await visit('/r/maths-101');
    const eve = await visit('/r/maths-101');
    const bo = await visit('/r/history-7');
    const lobby = await visit('/');
    await onlineIs(ada, 2);
    await onlineIs(bo, 1);
    await onlineIs(lobby, 1);

    const click = ada.locator('button.click');
    for (let i = 0; i < 3; i += 1) await click.click();
    await bo.locator('button.click').click();
    await say(ada, 'Only for maths');
    await say(bo, 'Only for history');

    // The room is shared: the other person in it sees both…
    await eventually(async () => expect(await countOf(eve)).toBe(3), inTheBrowser);
    await messageLog(eve).getByText('Only for maths', { exact: true }).waitFor();
    await eventually(async () => expect(await countOf(bo)).toBe(1), inTheBrowser);
    // …and nobody outside it does, by the time they have had every chance to.
    expect(await countOf(ada)).toBe(3);
    expect(await countOf(lobby)).toBe(0);
    for (const [page, text] of [
      [bo, 'Only for maths'],
      [lobby, 'Only for maths'],
      [lobby, 'Only for history'],
      [ada, 'Only for history'],
      [eve, 'Only for history'],
    ] as const) {
      expect(await messageLog(page).getByText(text, { exact: true }).count()).toBe(0);
    }
  });

  it('stays in the room through a reload, with its count and chat', async () => {
    const page = await visit('/r/reload-me');
    await page.locator('button.click').click();
    await say(page, 'Still here after a reload?');
    await eventually(async () => expect(await countOf(page)).toBe(1), inTheBrowser);

    await page.reload();
    await page.locator('button.click:enabled').waitFor();
    expect(new URL(page.url()).pathname).toBe('/r/reload-me');
    expect(await heading(page).textContent()).toBe('Room reload-me');
    expect(await page.title()).toBe('reload-me · Live');
    await messageLog(page).getByText('Still here after a reload?', { exact: true }).waitFor();
    expect(await countOf(page)).toBe(1);
  });

  it('opens a room named with capitals at its lower-case address', async () => {
    const first = await visit('/r/Shared-Notes');
    await say(first, 'Written at the capitals');
    expect(new URL(first.url()).pathname).toBe('/r/shared-notes');
    const second = await visit('/r/shared-notes');
    await messageLog(second).getByText('Written at the capitals', { exact: true }).waitFor();
  });

  it('makes a new room, copies its link, and the link brings someone else in', async () => {
    const ada = await visit('/r/first-room');
    await ada.context().grantPermissions(['clipboard-read', 'clipboard-write']);

    await ada.getByRole('button', { name: 'New room' }).click();
    await eventually(() => expect(ada.url()).toMatch(/\/r\/[a-z]+-[a-z]+-\d+$/));
    const room = new URL(ada.url()).pathname.slice('/r/'.length);
    expect(await heading(ada).textContent()).toBe(`Room ${room}`);
    await ada.locator('button.click:enabled').waitFor();
    await say(ada, 'Welcome to the new room');

    await ada.getByRole('button', { name: 'Copy link' }).click();
    await ada.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const link = await ada.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${server.url}/r/${room}`);

    const bo = await visit(new URL(link).pathname);
    await messageLog(bo).getByText('Welcome to the new room', { exact: true }).waitFor();
    await onlineIs(ada, 2);

    // The room before is one step back, in the list of recent rooms and in history.
    await ada.getByRole('button', { name: 'Recent' }).click();
    await ada.getByRole('link', { name: 'first-room' }).click();
    await eventually(() => expect(new URL(ada.url()).pathname).toBe('/r/first-room'));
    await ada.locator('button.click:enabled').waitFor();
    await onlineIs(bo, 1);
    await ada.goBack();
    await eventually(() => expect(new URL(ada.url()).pathname).toBe(`/r/${room}`));
    await messageLog(ada).getByText('Welcome to the new room', { exact: true }).waitFor();
  });

  it('answers an address that names no room with the way to the lobby, and no connection', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    pages.push(page);
    const sockets: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/socket.io/')) sockets.push(request.url());
    });
    await page.goto(`${server.url}/r/Bad_Slug!`);
    await page.getByRole('heading', { name: 'No room at this address' }).waitFor();
    expect(sockets).toEqual([]);

    await page.getByRole('link', { name: 'Go to the lobby' }).click();
    await page.locator('button.click:enabled').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await heading(page).textContent()).toBe('Live counter');
  });

  it('fits a phone in a room: the composer in view, and no sideways scroll for a long name', async () => {
    const phone = {
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
      colorScheme: 'dark',
    } as const;
    const page = await visit('/r/quiet-otter-42', phone);
    const send = await page.getByRole('button', { name: 'Envoyer' }).boundingBox();
    expect((send?.y ?? Infinity) + (send?.height ?? 0)).toBeLessThanOrEqual(740);

    const long = await visit(`/r/${'notes-'.repeat(10)}abcd`, phone);
    const { scrollWidth, innerWidth } = await long.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  it.each(['light', 'dark'] as const)(
    'passes axe-core’s WCAG A/AA rules with the recent rooms open and “Copied” showing (%s)',
    async (colorScheme) => {
      const page = await visit('/r/first-room', { colorScheme });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'New room' }).click();
      await page.locator('button.click:enabled').waitFor();
      await page.getByRole('button', { name: 'Recent' }).click();
      await page.getByRole('link', { name: 'first-room' }).waitFor();
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
      await expectNoAxeViolations(page);
    },
  );

  it('passes axe-core’s WCAG A/AA rules with the link to copy by hand, and where no room is', async () => {
    const page = await visit('/r/no-clipboard', { colorScheme: 'dark' });
    await page.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined }),
    );
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: 'Copy this link:' });
    expect(await field.inputValue()).toBe(`${server.url}/r/no-clipboard`);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/r/Bad_Slug!`);
    await page.getByRole('heading', { name: 'No room at this address' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
