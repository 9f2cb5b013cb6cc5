import { chromiumLaunchOptions, startBuiltApi, type ServerProcess } from '@live/test-support';
import { chromium, type Browser, type Page } from 'playwright-core';
import { visit as visitAs } from './session';

let server: ServerProcess;
let browser: Browser;

// Five messages (the message burst) of many lines from one author: four of them carry a
// visually hidden header, deep in a log far taller than any window.
const MESSAGES = 5;
const LONG_TEXT = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');

const visit = (viewport: { width: number; height: number }): Promise<Page> =>
  visitAs(browser, server.url, { viewport });

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
  server = await startBuiltApi();
  browser = await chromium.launch(chromiumLaunchOptions());

  const writer = await visit({ width: 1440, height: 900 });
  const composer = writer.getByRole('textbox', { name: 'Message' });
  for (let i = 1; i <= MESSAGES; i += 1) {
    await composer.fill(`message ${i}\n${LONG_TEXT}`);
    await composer.press('Enter');
  }
  const log = writer.getByRole('log', { name: 'Messages' });
  await log.getByText(`message ${MESSAGES}`).waitFor();
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
