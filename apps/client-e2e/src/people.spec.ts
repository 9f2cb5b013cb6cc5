import { chromiumLaunchOptions, startBuiltApi, type ServerProcess } from '@live/test-support';
import { chromium, type Browser, type Page } from 'playwright-core';
import { messageLog as log, say, takeName, visit as visitAs } from './session';

let server: ServerProcess;
let browser: Browser;

/** A person in a browser of their own (their own localStorage), at the app, connected. */
const visit = () => visitAs(browser, server.url);

const people = (page: Page) => page.getByRole('list', { name: 'People here' });

beforeAll(async () => {
  server = await startBuiltApi();
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('people with identities, in two browsers', () => {
  let ada: Page;
  let impostor: Page;

  beforeAll(async () => {
    ada = await visit();
    await takeName(ada, 'Ada');
    await ada.getByText('You are Ada').waitFor();
    impostor = await visit();
  });

  it('never lets a second browser take the same name, or one that looks like it', async () => {
    for (const disguise of ['ADA', '\u0410da', 'Ada']) {
      await takeName(impostor, disguise);
      await impostor
        .getByRole('alert')
        .filter({ hasText: `“${disguise}” is taken` })
        .waitFor();
      await impostor.getByRole('button', { name: /^Use “/ }).waitFor();
      expect(await impostor.getByText('You are Ada').count()).toBe(0);
    }
    // The suggestion is one click away, and it is theirs.
    await impostor.getByRole('button', { name: /^Use “/ }).click();
    await impostor.getByText(/You are Ada \d+/).waitFor();
  });

  it('lists both people for everyone, and only one of them posts as Ada', async () => {
    for (const page of [ada, impostor]) {
      await people(page).getByText('Ada', { exact: true }).waitFor();
      await people(page)
        .getByText(/^Ada \d+$/)
        .waitFor();
    }
    await say(ada, 'Real Ada here');
    await say(impostor, 'Hello from someone else');
    const adasOwn = ada.getByRole('button', {
      name: 'Edit your message “Real Ada here”',
    });
    await adasOwn.waitFor();
    expect(
      await impostor.getByRole('button', { name: /Edit your message “Real Ada here/ }).count(),
    ).toBe(0);
  });

  it('lets Ada edit and delete her own message, and everyone sees it', async () => {
    await ada.getByRole('button', { name: 'Edit your message “Real Ada here”' }).click();
    const editor = ada.getByRole('textbox', { name: 'Edit your message' });
    await editor.fill('Hello, fixed');
    await editor.press('Enter');
    await log(impostor).getByText('Hello, fixed', { exact: true }).waitFor();
    await log(impostor)
      .getByText(/^edited/)
      .waitFor();

    await ada.getByRole('button', { name: 'Delete your message “Hello, fixed”' }).click();
    await log(impostor).getByText('Message deleted').waitFor();
    expect(await log(impostor).getByText('Hello, fixed', { exact: true }).count()).toBe(0);
  });

  it('keeps Ada herself after a reload: same name, her messages still hers', async () => {
    await say(ada, 'Still me');
    await ada.reload();
    await ada.getByText('You are Ada').waitFor();
    await ada.getByRole('button', { name: 'Edit your message “Still me”' }).waitFor();
  });
});
