import {
  chromiumLaunchOptions,
  freePort,
  startBuiltApi,
  type ServerProcess,
} from '@live/test-support';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_TOKEN, FAST_CHAT_ENV, messageLog, say, takeName, visit } from './session';

// More than one page of history (50), so "Load older messages" is there.
const EARLIER_MESSAGES = 60;
// Enough Tab presses to cross the whole page, with every message's buttons, once.
const MAX_TAB_PRESSES = 300;

let server: ServerProcess;
let browser: Browser;

/**
 * What a screen reader would call the focused element: its aria-label, its label's text, or
 * its own text (near enough to the accessible name for the controls on this page).
 */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '(nothing)';
    const labelledBy = element.getAttribute('aria-labelledby');
    const label =
      element.getAttribute('aria-label') ??
      (labelledBy && document.getElementById(labelledBy)?.textContent) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent;
    return (label ?? '').trim();
  });

const isNamed = (focused: string, name: string | RegExp) =>
  typeof name === 'string' ? focused === name : name.test(focused);

/**
 * Expects the named control to have focus once the page has handled the last key (a render
 * later, on a busy machine), failing with what has it instead.
 */
async function expectFocusOn(page: Page, name: string | RegExp): Promise<void> {
  const deadline = Date.now() + 5000;
  let focused = await focusedName(page);
  while (!isNamed(focused, name) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    focused = await focusedName(page);
  }
  if (typeof name === 'string') expect(focused).toBe(name);
  else expect(focused).toMatch(name);
}

/** Presses Tab (or Shift+Tab) until the named control has focus, as a person would. */
async function tabTo(page: Page, name: string | RegExp, key = 'Tab'): Promise<void> {
  for (let presses = 0; presses < MAX_TAB_PRESSES; presses++) {
    if (isNamed(await focusedName(page), name)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached “${name}”`);
}

// The figure on screen: the status a screen reader hears lags others' changes by design.
const shownCount = (page: Page) => page.locator('.count');

const countOf = async (page: Page) =>
  Number((await shownCount(page).textContent())?.replace(/\D/g, ''));

async function waitForCount(page: Page, count: number): Promise<void> {
  await shownCount(page)
    .filter({ hasText: new RegExp(`^${count}$`) })
    .waitFor();
}

beforeAll(async () => {
  server = await startBuiltApi({ port: await freePort(), env: { ADMIN_TOKEN, ...FAST_CHAT_ENV } });
  browser = await chromium.launch(chromiumLaunchOptions());
  const talker = await visit(browser, server.url);
  await takeName(talker, 'Talker');
  for (let index = 1; index <= EARLIER_MESSAGES; index++) await say(talker, `Earlier ${index}`);
  await talker.context().close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('with the keyboard alone', () => {
  let page: Page;

  beforeAll(async () => {
    page = await visit(browser, server.url);
  });

  it('clicks the counter with Space and with Enter', async () => {
    await tabTo(page, 'Click +1');
    const before = await countOf(page);
    await page.keyboard.press('Space');
    await waitForCount(page, before + 1);
    await page.keyboard.press('Enter');
    await waitForCount(page, before + 2);
    await expectFocusOn(page, 'Click +1');
  });

  it('changes the name and stays in the field', async () => {
    await tabTo(page, 'Name', 'Shift+Tab');
    await page.keyboard.type('Kay');
    await page.keyboard.press('Enter');
    await page.getByText('You are Kay').waitFor();
    await expectFocusOn(page, 'Name');
  });

  it('sends a message and stays in the composer', async () => {
    await tabTo(page, 'Message');
    await page.keyboard.type('Typed, not clicked');
    await page.keyboard.press('Enter');
    await messageLog(page).getByText('Typed, not clicked', { exact: true }).waitFor();
    // Stored, not only shown: only a stored message of yours can be edited (the next test).
    await messageLog(page).getByText('Sending…').waitFor({ state: 'detached' });
    await expectFocusOn(page, 'Message');
  });

  it('edits the last message with Up in the empty composer', async () => {
    await page.keyboard.press('ArrowUp');
    await expectFocusOn(page, 'Edit your message');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Typed, then fixed');
    await page.keyboard.press('Enter');
    await messageLog(page).getByText('Typed, then fixed', { exact: true }).waitFor();
    await messageLog(page)
      .getByText(/^edited/)
      .waitFor();
    await expectFocusOn(page, 'Message');
  });

  it('shows a message’s full date when its time takes focus', async () => {
    const time = messageLog(page).locator('time.stamp[tabindex="0"]').first();
    await time.focus();
    const fullDate = await time.getAttribute('title');
    expect(fullDate).toMatch(/\d{4}/);
    // Spelled out beside the time while it has keyboard focus, as hovering shows its title.
    const shown = () => time.evaluate((element) => getComputedStyle(element, '::after').content);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await shown()).toMatch(/·/);
    await page.keyboard.press('Tab');
    expect(await shown()).toBe('none');
  });

  it('loads older messages', async () => {
    await tabTo(page, 'Load older messages', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await messageLog(page).getByText('Earlier 1', { exact: true }).waitFor();
    await expectFocusOn(page, 'Messages');
  });
});

describe('with the keyboard alone, as a moderator', () => {
  let page: Page;

  beforeAll(async () => {
    page = await visit(browser, server.url, { hash: `#token=${ADMIN_TOKEN}` });
  });

  it('resets the counter after saying yes', async () => {
    await tabTo(page, 'Click +1');
    const before = await countOf(page);
    await page.keyboard.press('Enter');
    await waitForCount(page, before + 1);
    await tabTo(page, 'Reset counter to 0');
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'Yes');
    await page.keyboard.press('Enter');
    await waitForCount(page, 0);
    await expectFocusOn(page, 'Reset counter to 0');
  });

  it('deletes a message after saying yes, and Escape says no', async () => {
    const deleteButton = /^Delete Talker’s message “Earlier 60”$/;
    await tabTo(page, 'Message');
    await tabTo(page, deleteButton, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'Yes');
    await page.keyboard.press('Escape');
    await expectFocusOn(page, deleteButton);

    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'Yes');
    await page.keyboard.press('Space');
    await messageLog(page).getByText('Message deleted').waitFor();
    expect(await messageLog(page).getByText('Earlier 60', { exact: true }).count()).toBe(0);
    await expectFocusOn(page, 'Messages');
  });
});
