import {
  chromiumLaunchOptions,
  eventually,
  freePort,
  startBuiltApi,
  type ServerProcess,
} from '@live/test-support';
import { chromium, type Browser } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import {
  ADMIN_TOKEN,
  FAST_CHAT_ENV,
  messageLog,
  say,
  takeName,
  visit,
  type VisitOptions,
} from './session';

let server: ServerProcess | undefined;
let browser: Browser;

const open = (options?: VisitOptions) => visit(browser, (server as ServerProcess).url, options);

beforeAll(async () => {
  server = await startBuiltApi({ port: await freePort(), env: { ADMIN_TOKEN, ...FAST_CHAT_ENV } });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('axe-core finds no WCAG 2.2 A/AA violations', () => {
  // First, while the server is fresh: nobody has said anything yet.
  it.each(['light', 'dark'] as const)('in the empty room, %s theme', async (colorScheme) => {
    const page = await open({ colorScheme });
    await page.getByText('1 online').waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('in a busy chat, %s theme', async (colorScheme) => {
    const page = await open({ colorScheme });
    // Posted once, by someone else, for both themes.
    if (colorScheme === 'light') {
      const talker = await open();
      await takeName(talker, 'Talker');
      for (let index = 1; index <= 30; index++) {
        const text =
          index === 7
            ? 'Read https://example.com/some/long/path?with=query for details'
            : index % 5 === 0
              ? `Message ${index}: ${'a rather long line that has to wrap '.repeat(8)}`
              : `Message ${index}`;
        await say(talker, text);
      }
      await talker.context().close();
    }
    await messageLog(page)
      .getByText(/^Message 30:/)
      .waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('as a moderator, with Delete, Mute and Reset showing', async () => {
    const page = await open({ hash: `#token=${ADMIN_TOKEN}` });
    const other = await open();
    await takeName(other, 'Someone');
    // Renamed before speaking, or the message goes out under the guest name.
    await other.getByText('You are Someone').waitFor();
    await say(other, 'Moderate me');
    await page.getByRole('button', { name: 'Reset counter to 0' }).waitFor();
    await page.getByRole('button', { name: /^Delete Someone’s message/ }).waitFor();
    await page.getByRole('button', { name: 'Mute Someone' }).waitFor();
    await expectNoAxeViolations(page);
    await Promise.all([page.context().close(), other.context().close()]);
  });

  it('with the name-taken alert at the name field', async () => {
    const holder = await open();
    await takeName(holder, 'Grace');
    await holder.getByText('You are Grace').waitFor();
    const page = await open();
    await takeName(page, 'Grace');
    await page.getByRole('alert').filter({ hasText: '“Grace” is taken' }).waitFor();
    await expectNoAxeViolations(page);
    await Promise.all([page.context().close(), holder.context().close()]);
  });

  it('on a 360×740 phone', async () => {
    const page = await open({ viewport: { width: 360, height: 740 } });
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('in French, dark theme, on a 360×740 phone, with a mention', async () => {
    const page = await open({
      locale: 'fr-FR',
      colorScheme: 'dark',
      viewport: { width: 360, height: 740 },
    });
    await page.getByRole('heading', { name: 'Compteur en direct' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.locator('#name').fill('Zoé');
    await page.locator('#name').press('Enter');
    await page.getByText('Vous êtes Zoé').waitFor();
    const other = await open();
    await takeName(other, 'Talker');
    await say(other, '@Zoé bonjour, tu vois le compteur ?');
    await messageLog(page).getByText('vous mentionne').waitFor();
    await expectNoAxeViolations(page);
    await Promise.all([page.context().close(), other.context().close()]);
  });

  // Last: it stops the server.
  it('while the server cannot be reached', async () => {
    const page = await open();
    await server?.stop();
    server = undefined;
    // What the banner said is in the failure, should it never say this.
    await eventually(
      async () =>
        expect((await page.getByRole('alert').allTextContents()).join(' ')).toContain(
          'Can’t reach the server; trying again…',
        ),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
