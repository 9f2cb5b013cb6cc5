import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LIMITS } from '@live/shared-events';
import { chatMessage, identityId, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { rateLimited } from '../testing/serverRefusals';
import { english } from '../testing/english';
import { french, inFrench } from '../testing/inFrench';

const log = () => screen.getByRole('log', { name: 'Messages' });
const composer = () => screen.getByRole('textbox', { name: 'Message' });

function connectedApp(...messages: ReturnType<typeof chatMessage>[]) {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive('welcome', welcome({ messages, you: { id: 's1', name: 'Me' } }));
  return rendered;
}

describe('Chat', () => {
  it('shows author, time and text, and HTML as the characters typed', () => {
    connectedApp(chatMessage({ author: 'Ada', text: '<b>hi</b>', sentAt: '2026-01-01T10:00:00Z' }));

    const item = within(log()).getByRole('listitem');
    expect(item).toHaveTextContent('Ada');
    expect(item.querySelector('time')).toHaveAttribute('datetime', '2026-01-01T10:00:00Z');
    expect(within(item).getByText('<b>hi</b>')).toBeInTheDocument();
    expect(item.querySelector('b')).toBeNull();
  });

  it('puts a line with the date between messages of different days, and the full date on each time', () => {
    const days = [
      '2026-01-01T12:00:00.000Z',
      '2026-01-01T12:01:00.000Z',
      '2026-01-02T12:00:00.000Z',
    ];
    connectedApp(...days.map((sentAt) => chatMessage({ sentAt })));
    const separators = log().querySelectorAll('li.day');
    expect(separators).toHaveLength(1);
    expect(separators[0]).toHaveTextContent(english.dayDate(days[2]));
    expect(separators[0].querySelector('time')).toHaveAttribute('dateTime', '2026-01-02');
    const third = separators[0].nextElementSibling as HTMLElement;
    expect(third).toHaveTextContent('message 3');
    expect(within(third).getByText(english.clockTime(days[2]))).toHaveAttribute(
      'title',
      english.fullDateTime(days[2]),
    );
  });

  it('adds broadcast messages once, however often they arrive', () => {
    const { socket } = connectedApp();
    const message = chatMessage({ text: 'hello there' });
    socket.receive('message', message);
    socket.receive('message', message);
    expect(within(log()).getAllByText('hello there')).toHaveLength(1);
  });

  it('sends on Enter with an id, shows it pending, then stored', async () => {
    const { socket } = connectedApp();
    await userEvent.type(composer(), 'Hello{Enter}');

    expect(composer()).toHaveValue('');
    const [sent] = socket.sent('message') as { id: string; text: string }[];
    expect(sent).toEqual({ id: expect.any(String), text: 'Hello' });
    expect(within(log()).getByText('Sending…')).toBeInTheDocument();

    await socket.ack('message', {
      ok: true,
      message: chatMessage({ id: sent.id, author: 'Me', text: 'Hello' }),
    });
    expect(within(log()).getByText('Hello')).toBeInTheDocument();
    expect(within(log()).queryByText('Sending…')).not.toBeInTheDocument();
  });

  it('Shift+Enter starts a new line instead of sending', async () => {
    const { socket } = connectedApp();
    await userEvent.type(composer(), 'one{Shift>}{Enter}{/Shift}two');
    expect(composer()).toHaveValue('one\ntwo');
    expect(socket.sent('message')).toEqual([]);
  });

  it('counts characters up to the limit', async () => {
    connectedApp();
    await userEvent.type(composer(), 'abc');
    expect(screen.getByText(`3/${english.number(LIMITS.messageMaxLength)}`)).toBeInTheDocument();
    expect(composer()).toHaveAttribute('maxlength', String(LIMITS.messageMaxLength));
  });

  it('says so when a paste is cut to the limit, until the text is shorter again', async () => {
    connectedApp();
    const max = LIMITS.messageMaxLength;
    await userEvent.click(composer());
    await userEvent.paste('x'.repeat(max + 5));
    expect(composer()).toHaveValue('x'.repeat(max));
    expect(screen.getByText(`Cut to ${english.number(max)} characters`)).toBeInTheDocument();

    await userEvent.type(composer(), '{Backspace}');
    expect(screen.queryByText(`Cut to ${english.number(max)} characters`)).not.toBeInTheDocument();
  });

  it('does not say a paste that fits was cut', async () => {
    connectedApp();
    await userEvent.click(composer());
    await userEvent.paste('x'.repeat(LIMITS.messageMaxLength));
    expect(screen.queryByText(/^Cut to/)).not.toBeInTheDocument();
  });

  it('keeps a message written offline and delivers it once, with the same id, on reconnect', async () => {
    const { socket } = connectedApp();
    await socket.drop();
    await userEvent.type(composer(), 'written offline{Enter}');

    expect(socket.sent('message')).toEqual([]);
    expect(within(log()).getByText('Waiting for connection…')).toBeInTheDocument();

    socket.serverConnect();
    socket.receive('welcome', welcome({ you: { id: 's2', name: 'Me' } }));
    const sent = socket.sent('message') as { id: string }[];
    expect(sent).toHaveLength(1);

    // Dropped before the answer: it goes again after the next reconnect, same id.
    await socket.drop();
    socket.serverConnect();
    const again = socket.sent('message') as { id: string }[];
    expect(again).toHaveLength(2);
    expect(again[1].id).toBe(sent[0].id);

    await socket.ack('message', {
      ok: true,
      message: chatMessage({ id: sent[0].id, author: 'Me', text: 'written offline' }),
    });
    expect(within(log()).getAllByText('written offline')).toHaveLength(1);
  });

  it('says once, next to the composer, how long a message refused for speed waits, then sends it again', async () => {
    jest.useFakeTimers();
    const { socket } = connectedApp();
    const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
    await user.type(composer(), 'too fast{Enter}');
    const [first] = socket.sent('message') as { id: string }[];

    await socket.ack('message', rateLimited('message', 2500));

    expect(screen.getByRole('alert')).toHaveTextContent(
      /^You are going too fast; sending again in 3 s$/,
    );
    expect(within(log()).getByText(/sending again/)).toHaveTextContent(
      /^You are going too fast; sending again in 3 s$/,
    );

    await act(async () => {
      jest.advanceTimersByTime(2500);
    });
    const sent = socket.sent('message') as { id: string }[];
    expect(sent).toHaveLength(2);
    expect(sent[1].id).toBe(first.id);
  });

  it('catches up on missed messages with history after the newest it has', async () => {
    const old = chatMessage();
    const { socket } = connectedApp(old);
    await socket.drop();

    const missed = chatMessage({ text: 'missed while away' });
    const latest = Array.from({ length: LIMITS.welcomeMessages }, () => chatMessage());
    socket.serverConnect();
    socket.receive('welcome', welcome({ messages: latest }));

    expect(socket.sent('history')).toEqual([{ after: old.seq, limit: LIMITS.historyMaxLimit }]);
    await socket.ack('history', { ok: true, messages: [missed] });
    expect(within(log()).getByText('missed while away')).toBeInTheDocument();
  });

  it('skips the catch-up when the server recovered the session', async () => {
    const { socket } = connectedApp(chatMessage());
    await socket.drop();
    socket.serverConnect({ recovered: true });
    const latest = Array.from({ length: LIMITS.welcomeMessages }, () => chatMessage());
    socket.receive('welcome', welcome({ messages: latest }));
    expect(socket.sent('history')).toEqual([]);
  });

  it('loads older messages before the oldest shown', async () => {
    const shown = Array.from({ length: LIMITS.welcomeMessages }, () => chatMessage());
    const { socket } = connectedApp(...shown);

    await userEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    expect(socket.sent('history')).toEqual([
      { before: shown[0].seq, limit: LIMITS.historyDefaultLimit },
    ]);

    await socket.ack('history', {
      ok: true,
      messages: [chatMessage({ seq: 0, id: 'first', text: 'the very first' })],
    });
    const items = within(log()).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('the very first');
    expect(screen.queryByRole('button', { name: 'Load older messages' })).not.toBeInTheDocument();
  });

  it('keeps "Load older messages" out of the scrolling log, so focusing it cannot scroll the log', () => {
    connectedApp(...Array.from({ length: LIMITS.welcomeMessages }, () => chatMessage()));
    const scroller = log(); // The log is the scroller itself.

    // A browser scrolls a focused element into view: inside the scroller, Tab would throw the
    // log to its oldest message and leave it there.
    expect(scroller).not.toContainElement(
      screen.getByRole('button', { name: 'Load older messages' }),
    );
  });

  it('tells a screen reader of messages that arrive live, once each, not the welcome batch or older pages', async () => {
    const shown = Array.from({ length: LIMITS.welcomeMessages }, () => chatMessage());
    const { socket } = connectedApp(...shown);
    const spoken = () => screen.getByRole('log', { name: 'Just posted' });
    expect(log()).toHaveAttribute('aria-live', 'off');
    expect(spoken()).toBeEmptyDOMElement();

    await userEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    await socket.ack('history', { ok: true, messages: [chatMessage({ seq: 0, id: 'older' })] });
    expect(spoken()).toBeEmptyDOMElement();

    const live = chatMessage({ author: 'Bo', text: 'just now' });
    socket.receive('message', live);
    socket.receive('message', live);
    expect(spoken()).toHaveTextContent(/^Bo: just now$/);
  });

  it('describes the composer only by lines that are there', async () => {
    const { socket } = connectedApp();
    const described = () =>
      (composer().getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const missing = () => described().filter((id) => document.getElementById(id) === null);

    expect(missing()).toEqual([]);
    await socket.drop();
    expect(described()).toContain('message-hint');
    expect(missing()).toEqual([]);
  });

  it('offers a "new messages" pill instead of scrolling when the reader scrolled up', async () => {
    const { socket } = connectedApp(chatMessage());
    const scroller = log(); // The log is the scroller itself.
    Object.defineProperties(scroller, {
      scrollHeight: { configurable: true, value: 1000 },
      clientHeight: { configurable: true, value: 300 },
    });
    scroller.scrollTop = 100;
    act(() => {
      scroller.dispatchEvent(new Event('scroll'));
    });

    socket.receive('message', chatMessage({ text: 'while reading' }));
    expect(scroller.scrollTop).toBe(100);

    await userEvent.click(screen.getByRole('button', { name: /New messages/ }));
    expect(scroller.scrollTop).toBe(1000);
    expect(screen.queryByRole('button', { name: /New messages/ })).not.toBeInTheDocument();
  });

  it('shows each author’s colour chip, from their identity', () => {
    connectedApp(
      chatMessage({ author: 'Ada Lovelace', authorId: identityId('ada') }),
      chatMessage({ author: 'Old', text: 'from before identities' }),
    );
    const [ada, old] = within(log())
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.avatar') as HTMLElement);
    expect(ada).toHaveTextContent('AL');
    expect(ada.style.getPropertyValue('--hue')).not.toBe('');
    expect(old).toHaveClass('unknown');
  });

  it('shows an edit from anyone in place, with “edited” and when', () => {
    const original = chatMessage({ author: 'Ada', text: 'helo' });
    const { socket } = connectedApp(original);

    socket.receive('message:edited', {
      ...original,
      text: 'hello',
      editedAt: '2026-01-01T10:03:00.000Z',
    });

    const item = within(log()).getByRole('listitem');
    expect(within(item).getByText('hello')).toBeInTheDocument();
    expect(within(item).queryByText('helo')).toBeNull();
    const edited = within(item).getByText(/^edited/);
    const time = edited.querySelector('time') as HTMLElement;
    expect(time).toHaveAttribute('datetime', '2026-01-01T10:03:00.000Z');
    expect(time.getAttribute('title')).toMatch(/2026/);
  });

  it('notes a rename once, where it happened in the conversation', () => {
    const { socket } = connectedApp(chatMessage({ text: 'before' }));
    socket.receive('people', {
      joined: [],
      left: [],
      renamed: [{ id: identityId('ada'), name: 'Ada L.', from: 'Ada' }],
      total: 2,
    });
    socket.receive('message', chatMessage({ text: 'after' }));
    socket.receive('people', { joined: [], left: [], renamed: [], total: 2 });

    expect(
      within(log())
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringMatching(/before$/),
      'Ada is now Ada L.',
      expect.stringMatching(/after$/),
    ]);
  });

  it('says it is typing, and stops saying so on send', async () => {
    const { socket } = connectedApp();
    await userEvent.type(composer(), 'hey');
    expect(socket.sent('typing')).toEqual([true]);

    await userEvent.keyboard('{Enter}');
    expect(socket.sent('typing')).toEqual([true, false]);
  });
});

describe('the composer in French', () => {
  beforeEach(inFrench);

  const composerFr = () => screen.getByRole('textbox', { name: 'Message' });

  it('is labelled, hinted and sends in French', async () => {
    const { socket } = connectedApp();
    expect(composerFr()).toHaveAttribute('placeholder', 'Écrire un message…');
    await userEvent.type(composerFr(), 'Bonjour');
    // French groups thousands with a narrow space: 1 000.
    expect(screen.getByText(/^7\/1\s000$/u)).toBeInTheDocument();
    expect(LIMITS.messageMaxLength).toBe(1000);
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(socket.sent('message')).toEqual([expect.objectContaining({ text: 'Bonjour' })]);
    expect(screen.getByText('Envoi…')).toBeInTheDocument();
  });

  it('says what happens to messages written offline', async () => {
    const { socket } = connectedApp();
    await socket.drop();
    expect(
      screen.getByText(
        'Hors ligne : les messages sont gardés et envoyés au retour de la connexion.',
      ),
    ).toBeInTheDocument();
  });

  it('gives the wait of a refusal for speed from retryAfterMs, in French', async () => {
    const { socket } = connectedApp();
    await userEvent.type(composerFr(), 'Vite{Enter}');
    await socket.ack('message', rateLimited('message', 2500));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Vous allez trop vite ; nouvel envoi dans 3 s',
    );
  });

  it('says a paste was cut, with the figure written the French way', async () => {
    connectedApp();
    await userEvent.click(composerFr());
    await userEvent.paste('x'.repeat(LIMITS.messageMaxLength + 1));
    expect(screen.getByText(/^Coupé à 1\s000 caractères$/u)).toBeInTheDocument();
  });
});

describe('an empty room', () => {
  it('says what the counter and the chat are for, once connected', () => {
    const { socket } = renderApp();
    expect(screen.queryByText(/^No messages yet\./)).not.toBeInTheDocument();
    socket.serverConnect();
    socket.receive('welcome', welcome());
    expect(within(log()).getByText(/^No messages yet\./)).toHaveTextContent(
      'No messages yet. Everyone here shares one counter: each Click +1 adds to it for all. Write below to chat with them, and say hello!',
    );
  });

  it('says it in French too', async () => {
    await inFrench();
    connectedApp();
    expect(within(log()).getByText(/^Aucun message pour l’instant\./)).toHaveTextContent(
      'Tout le monde ici partage un seul compteur',
    );
  });

  it('says nothing of the sort once there are messages', () => {
    connectedApp(chatMessage());
    expect(screen.queryByText(/^No messages yet\./)).not.toBeInTheDocument();
  });
});

describe('a message’s time', () => {
  it('gives the full date on keyboard focus as well as on hover', async () => {
    const sentAt = '2026-01-01T10:00:00Z';
    connectedApp(chatMessage({ sentAt }), chatMessage({ sentAt }));
    const [shown, grouped] = within(log()).getAllByRole('listitem');
    const time = within(shown).getByText(english.clockTime(sentAt));

    // Hover: the title's tooltip; keyboard: it takes focus, described by the same full date.
    expect(time).toHaveAttribute('title', english.fullDateTime(sentAt));
    await userEvent.tab();
    while (document.activeElement !== time && document.activeElement !== document.body) {
      await userEvent.tab();
    }
    expect(time).toHaveFocus();
    expect(time).toHaveAccessibleDescription(english.fullDateTime(sentAt));

    // The time in a header hidden under the first would take focus unseen: it does not.
    expect(grouped.querySelector('time')).not.toHaveAttribute('tabindex');
  });

  it('is spelled out in French in French', async () => {
    await inFrench();
    const sentAt = '2026-01-01T10:00:00Z';
    connectedApp(chatMessage({ sentAt }));
    const time = within(log()).getByRole('listitem').querySelector('time') as HTMLElement;
    expect(time).toHaveAttribute('title', french.fullDateTime(sentAt));
    expect(time.getAttribute('title')).toMatch(/jeudi 1 janvier 2026/);
  });
});
