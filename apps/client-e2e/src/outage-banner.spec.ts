import {
  chromiumLaunchOptions,
  eventually,
  freePort,
  startBuiltApi,
  type ServerProcess,
} from '@live/test-support';
import { chromium, type Browser } from 'playwright-core';

let server: ServerProcess | undefined;
let browser: Browser;

beforeAll(async () => {
  server = await startBuiltApi({ port: await freePort() });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the banner while the server is gone', () => {
  it('says so in words, and covers neither the title, the online count nor the name field', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto((server as ServerProcess).url);
    await page.getByText('1 online').waitFor();

    await server?.stop();
    server = undefined;
    // What the banner said is in the failure, should it never say this.
    await eventually(
      async () =>
        expect(await page.getByRole('alert').allTextContents()).toContain(
          'Reconnecting… Can’t reach the server; trying again…',
        ),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    await page.getByText('– online').waitFor();

    const overlaps = await page.evaluate(() => {
      const box = (element: Element | null) => (element as Element).getBoundingClientRect();
      const bannerBox = box(document.querySelector('.banner'));
      return ['h1', '.online', '#name'].filter((selector) => {
        const other = box(document.querySelector(selector));
        return (
          other.left < bannerBox.right &&
          bannerBox.left < other.right &&
          other.top < bannerBox.bottom &&
          bannerBox.top < other.bottom
        );
      });
    });
    expect(overlaps).toEqual([]);
    await page.close();
  });
});
