import {
  chromiumLaunchOptions,
  freePort,
  startBuiltApi,
  type ServerProcess,
} from '@live/test-support';
import { chromium, type Browser, type Page } from 'playwright-core';

// 32+ characters, 10+ different: what the server accepts as ADMIN_TOKEN.
const ADMIN_TOKEN = 'target-size-e2e-operator-token-0123456789';
/** WCAG 2.2 success criterion 2.5.8, "Target Size (Minimum)", in CSS pixels. */
const MIN_TARGET_PX = 24;

let server: ServerProcess;
let browser: Browser;

async function visit(path = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await page.goto(new URL(path, server.url).href);
  await page.getByRole('button', { name: /Click/ }).and(page.locator(':enabled')).waitFor();
  return page;
}

async function say(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await page.getByRole('log', { name: 'Messages' }).getByText(text, { exact: true }).waitFor();
}

/** Every visible button smaller than the minimum target, with its name and size. */
const smallButtons = (page: Page) =>
  page.evaluate(
    (min) =>
      [...document.querySelectorAll('button')]
        .map((button) => ({
          name: button.getAttribute('aria-label') ?? button.textContent ?? '',
          box: button.getBoundingClientRect(),
        }))
        .filter(({ box }) => box.width > 0 && (box.width < min || box.height < min))
        .map(({ name, box }) => `${name}: ${box.width}×${box.height}`),
    MIN_TARGET_PX,
  );

beforeAll(async () => {
  server = await startBuiltApi({ port: await freePort(), env: { ADMIN_TOKEN } });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('every button is a target of at least 24×24 CSS px', () => {
  it('holds for a moderator’s view: own messages, others’ messages, the people list and a confirmation', async () => {
    const guest = await visit();
    await say(guest, 'first words of a guest');
    const moderator = await visit(`/#token=${ADMIN_TOKEN}`);
    await moderator.getByRole('button', { name: 'Reset counter to 0' }).waitFor();
    await say(moderator, 'the moderator speaks');

    const deleteTheirs = moderator.getByRole('button', {
      name: /^Delete Guest \d+’s message “first words of a guest”$/,
    });
    await deleteTheirs.waitFor();
    await moderator
      .getByRole('button', { name: 'Delete your message “the moderator speaks”' })
      .waitFor();
    expect(await smallButtons(moderator)).toEqual([]);

    await deleteTheirs.click();
    await moderator.getByRole('group', { name: /for everyone\?$/ }).waitFor();
    expect(await smallButtons(moderator)).toEqual([]);
  });
});
