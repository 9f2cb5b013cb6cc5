import { chromiumLaunchOptions, startBuiltApi, type ServerProcess } from '@live/test-support';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { FAST_CHAT_ENV, messageLog, visit as visitAs, type VisitOptions } from './session';

let server: ServerProcess;
let browser: Browser;

// Five messages (the message burst) of many lines from one author: four of them carry a
// visually hidden header, deep in a log far taller than any window.
const MESSAGES = 5;
const LONG_TEXT = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
// Then a few one-liners: what a phone's log shows at its bottom.
const SHORT = ['Lunch at noon?', 'Sure, the usual place', 'See you there'];

const PHONE = { width: 360, height: 740 };

const visit = (
  viewport: { width: number; height: number },
  look: Omit<VisitOptions, 'viewport'> = {},
): Promise<Page> => visitAs(browser, server.url, { viewport, ...look });

/** How tall the document is, and how far down the app itself reaches. */
const measure = (page: Page) =>
  page.evaluate(() => ({
    documentHeight: document.documentElement.scrollHeight,
    viewportHeight: window.innerHeight,
    appBottom: Math.ceil(
      (document.getElementById('root') as HTMLElement).getBoundingClientRect().bottom +
        window.scrollY,
    ),
  }));

beforeAll(async () => {
  server = await startBuiltApi({ env: FAST_CHAT_ENV });
  browser = await chromium.launch(chromiumLaunchOptions());

  const writer = await visit({ width: 1440, height: 900 });
  const composer = writer.getByRole('textbox', { name: 'Message' });
  for (let i = 1; i <= MESSAGES; i += 1) {
    await composer.fill(`message ${i}\n${LONG_TEXT}`);
    await composer.press('Enter');
  }
  for (const text of SHORT) {
    await composer.fill(text);
    await composer.press('Enter');
  }
  await messageLog(writer)
    .getByText(SHORT.at(-1) as string)
    .waitFor();
  await writer.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the page is no taller than the app', () => {
  it('fits a 1440×900 window without a page scrollbar, however long the chat', async () => {
    const page = await visit({ width: 1440, height: 900 });
    await page.getByText(`message ${MESSAGES}`).waitFor();

    const { documentHeight, viewportHeight } = await measure(page);
    expect(documentHeight).toBeLessThanOrEqual(viewportHeight);
    await page.close();
  });

  it('scrolls a 360×740 window only as far as the app reaches, not into blank space', async () => {
    const page = await visit({ width: 360, height: 740 });
    await page.getByText(`message ${MESSAGES}`).waitFor();

    const { documentHeight, viewportHeight, appBottom } = await measure(page);
    expect(documentHeight).toBeLessThanOrEqual(Math.max(viewportHeight, appBottom));
    await page.close();
  });
});

describe('a phone opens on both the counter and the chat', () => {
  type Box = { x: number; y: number; width: number; height: number };
  const SCREEN: Box = { x: 0, y: 0, ...PHONE };

  /** Expects the element wholly inside each frame (the window, and the log it scrolls in). */
  const expectSeen = async (name: string, element: Locator, ...frames: Box[]) => {
    const box = await element.boundingBox();
    const top = box?.y ?? NaN;
    const bottom = top + (box?.height ?? 0);
    const seen = frames.every((frame) => top >= frame.y && bottom <= frame.y + frame.height);
    expect({ name, top, bottom, seen }).toEqual({ name, top, bottom, seen: true });
  };

  it.each([
    { language: 'English', locale: 'en-US', colorScheme: 'light', send: 'Send' },
    { language: 'French', locale: 'fr-FR', colorScheme: 'light', send: 'Envoyer' },
    { language: 'French', locale: 'fr-FR', colorScheme: 'dark', send: 'Envoyer' },
  ] as const)(
    'shows the Click button, the composer and the last messages at 360×740 ($language, $colorScheme)',
    async ({ locale, colorScheme, send }) => {
      const page = await visit(PHONE, { locale, colorScheme });
      const log = messageLog(page);
      await log.getByText(SHORT.at(-1) as string).waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      await expectSeen('Click', page.locator('button.click'), SCREEN);
      await expectSeen('Message', page.getByRole('textbox', { name: 'Message' }), SCREEN);
      await expectSeen('Send', page.getByRole('button', { name: send }), SCREEN);
      // The log scrolls inside itself, yet is tall enough to show a few messages at once.
      const logBox = (await log.boundingBox()) as Box;
      for (const text of SHORT) await expectSeen(text, log.getByText(text), SCREEN, logBox);
      await page.close();
    },
  );
});
