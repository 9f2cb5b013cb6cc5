import type { Browser, Page } from 'playwright-core';

/** 32+ characters, 10+ different ones: what the server accepts as a moderator token. */
export const ADMIN_TOKEN = 'e2e-moderator-token-0123456789abcdef';

/** Server settings for tests that post many messages quickly (the default allows 1 a second). */
export const FAST_CHAT_ENV = { RATE_MESSAGE_BURST: '500', RATE_MESSAGE_PER_SEC: '500' };

export interface VisitOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** The page's path, `/` (the lobby) unless given: `/r/quiet-otter-42` opens a room. */
  path?: string;
  /** After the path, e.g. `#token=…`. */
  hash?: string;
  /** The browser's language (`navigator.languages`, Accept-Language): `fr-FR` gets the French UI. */
  locale?: string;
}

/** A person in a browser context of their own (their own localStorage), at the app, connected. */
export async function visit(browser: Browser, url: string, options: VisitOptions = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    // The app's CSP allows only its own scripts; axe is injected as one more.
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${url}${options.path ?? '/'}${options.hash ?? ''}`);
  // By its class, not its words: the same in every language.
  await page.locator('button.click:enabled').waitFor();
  return page;
}

export async function takeName(page: Page, name: string): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Name' });
  await field.fill(name);
  await field.press('Enter');
}

export const messageLog = (page: Page) => page.getByRole('log', { name: 'Messages' });

/**
 * Sends `text` and waits until the server has it: the message in the log, no longer in the
 * outbox (`.outgoing`, "Sending…"), which a page closed too soon would take with it.
 */
export async function say(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await messageLog(page)
    .locator('li.message:not(.outgoing)')
    .getByText(text, { exact: true })
    .waitFor();
}
