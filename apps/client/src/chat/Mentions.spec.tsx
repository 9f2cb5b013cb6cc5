import type { Person } from '@live/shared-events';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { chatMessage, identityId, welcome, type FakeSocket } from '../testing/fakeSocket';
import { FakeNotification, installFakeNotification } from '../testing/fakeNotification';
import { inFrench } from '../testing/inFrench';
import { renderApp } from '../testing/renderApp';

const me: Person = { id: identityId('ada'), name: 'Ada' };
const adaL: Person = { id: identityId('adal'), name: 'Ada L.' };
const bo: Person = { id: identityId('bo'), name: 'Bo' };

let visibility: DocumentVisibilityState = 'visible';
let removeFake: () => void = () => undefined;

beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
afterAll(() => {
  delete (document as { visibilityState?: unknown }).visibilityState;
});
afterEach(() => {
  visibility = 'visible';
  removeFake();
});

function hideTab() {
  visibility = 'hidden';
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function connected(messages = [] as ReturnType<typeof chatMessage>[]) {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive(
    'welcome',
    welcome({
      you: { id: 's1', name: me.name, userId: me.id },
      people: { people: [me, adaL, bo], total: 3 },
      messages,
    }),
  );
  return rendered;
}

const itemWith = (text: string) =>
  within(screen.getByRole('log', { name: 'Messages' }))
    .getByText(text)
    .closest('li') as HTMLElement;
const toggle = () => screen.getByRole('checkbox', { name: 'Notify me when someone mentions me' });
const fromBo = (text: string) => chatMessage({ author: bo.name, authorId: bo.id, text });

describe('a message that mentions you', () => {
  it('is highlighted and says so in words; one for a longer name or your own is not', () => {
    const { socket } = connected();
    socket.receive('message', fromBo('@ada can you look?'));
    socket.receive('message', fromBo('@Ada L. and you?'));
    socket.receive('message', chatMessage({ author: me.name, authorId: me.id, text: '@Ada me' }));

    const mention = itemWith('@ada can you look?');
    expect(mention).toHaveClass('mention');
    expect(within(mention).getByText('mentions you')).toBeInTheDocument();
    for (const other of [itemWith('@Ada L. and you?'), itemWith('@Ada me')]) {
      expect(other).not.toHaveClass('mention');
      expect(within(other).queryByText('mentions you')).toBeNull();
    }
  });

  it('follows a rename: the new name is the one mentioned', () => {
    const { socket } = connected([fromBo('@Ada hi'), fromBo('@Grace hi')]);
    expect(itemWith('@Ada hi')).toHaveClass('mention');
    socket.receive('people', {
      joined: [],
      left: [],
      renamed: [{ ...me, name: 'Grace', from: 'Ada' }],
      total: 3,
    });
    expect(itemWith('@Ada hi')).not.toHaveClass('mention');
    expect(itemWith('@Grace hi')).toHaveClass('mention');
  });

  it('is labelled in French too', async () => {
    await inFrench();
    const { socket } = connected();
    socket.receive('message', fromBo('@Ada bonjour'));
    expect(within(itemWith('@Ada bonjour')).getByText('vous mentionne')).toBeInTheDocument();
  });
});

describe('mention notifications', () => {
  async function turnedOn(socket?: FakeSocket) {
    const rendered = socket ? { socket } : connected();
    await userEvent.click(toggle());
    return rendered;
  }

  it('are off, and nothing is asked, until the person turns them on', () => {
    removeFake = installFakeNotification();
    const { socket } = connected();
    expect(toggle()).not.toBeChecked();
    hideTab();
    socket.receive('message', fromBo('@Ada hi'));
    expect(FakeNotification.asked).toBe(0);
    expect(FakeNotification.shown).toEqual([]);
  });

  it('ask permission when turned on, then notify of a mention that arrives while hidden', async () => {
    removeFake = installFakeNotification();
    const { socket } = await turnedOn();
    expect(FakeNotification.asked).toBe(1);
    expect(toggle()).toBeChecked();

    socket.receive('message', fromBo('@Ada while you look'));
    expect(FakeNotification.shown).toEqual([]);

    hideTab();
    const mention = fromBo('@Ada are you there?');
    socket.receive('message', mention);
    socket.receive('message', mention);
    socket.receive('message', fromBo('no mention here'));
    socket.receive('message', fromBo('@Ada L. not you'));
    socket.receive('message', chatMessage({ author: me.name, authorId: me.id, text: '@Ada' }));

    expect(FakeNotification.shown).toHaveLength(1);
    const [shown] = FakeNotification.shown;
    expect(shown.title).toBe('Bo mentioned you');
    expect(shown.options).toMatchObject({ body: '@Ada are you there?', tag: mention.id });
  });

  it('never notify for the messages a welcome or a history page brings', async () => {
    removeFake = installFakeNotification();
    const { socket } = await turnedOn();
    hideTab();
    socket.receive(
      'welcome',
      welcome({ you: { id: 's1', name: 'Ada', userId: me.id }, messages: [fromBo('@Ada old')] }),
    );
    expect(FakeNotification.shown).toEqual([]);
  });

  it('are remembered for the next visit, without asking again', async () => {
    removeFake = installFakeNotification();
    const first = connected();
    await turnedOn(first.socket);
    first.unmount();

    const { socket } = connected();
    expect(toggle()).toBeChecked();
    hideTab();
    socket.receive('message', fromBo('@Ada again'));
    expect(FakeNotification.asked).toBe(1);
    expect(FakeNotification.shown).toHaveLength(1);

    await userEvent.click(toggle());
    expect(toggle()).not.toBeChecked();
    socket.receive('message', fromBo('@Ada once more'));
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('stay off, and say why, when the browser refuses', async () => {
    removeFake = installFakeNotification();
    FakeNotification.answer = 'denied';
    await turnedOn();
    expect(toggle()).not.toBeChecked();
    expect(
      screen.getByText('Notifications are blocked for this page in the browser’s settings.'),
    ).toBeInTheDocument();
  });

  it('are not offered where the browser has no notifications', () => {
    connected();
    expect(screen.queryByRole('checkbox', { name: /Notify me/ })).toBeNull();
  });
});
