import { LOBBY } from '@live/shared-events';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { chatMessage, welcome } from '../testing/fakeSocket';
import { french, inFrench } from '../testing/inFrench';
import { renderApp } from '../testing/renderApp';
import { settle } from '../testing/settle';
import { COPIED_NOTICE_MS } from './CopyRoomLink';

/** The app opened at `path`, connected and welcomed into the room the handshake named. */
function openAt(path: string) {
  window.history.replaceState(null, '', path);
  const rendered = renderApp();
  const { socket } = rendered;
  const enter = (overrides: Parameters<typeof welcome>[0] = {}) => {
    socket.serverConnect();
    socket.receive(
      'welcome',
      welcome({ room: (socket.auth?.['room'] as string | undefined) ?? LOBBY, ...overrides }),
    );
  };
  enter();
  return { ...rendered, enter };
}

const heading = () => screen.getByRole('heading', { level: 1 });
// The figure shown, not the status read aloud (which is throttled).
const count = () => document.querySelector('.count');
const log = () => screen.getByRole('log', { name: 'Messages' });
const recent = () => screen.getByRole('button', { name: 'Recent' });
const rooms = () => screen.getByRole('navigation', { name: 'Rooms' });

/** Back or forward in the browser's history, as its buttons do. */
const goBack = async () => {
  await act(async () => {
    window.history.back();
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  });
};

afterEach(() => jest.restoreAllMocks());

describe('the lobby', () => {
  it('is at /, with the handshake of before rooms (no room named) and today’s title', () => {
    const { socket } = openAt('/');
    expect(socket.auth).not.toHaveProperty('room');
    expect(heading()).toHaveTextContent('Live counter');
    expect(document.title).toBe('Live counter');
  });
});

describe('a room', () => {
  it('is at /r/<slug>: named in the handshake, the heading and the tab’s title', () => {
    const { socket } = openAt('/r/quiet-otter-42');
    expect(socket.auth).toMatchObject({ room: 'quiet-otter-42' });
    expect(heading()).toHaveAccessibleName('Room quiet-otter-42');
    expect(document.title).toBe('quiet-otter-42 · Live');
  });

  it('says its name in French too', async () => {
    await inFrench();
    openAt('/r/quiet-otter-42');
    expect(heading()).toHaveAccessibleName(french.t('Room {room}', { room: 'quiet-otter-42' }));
    expect(document.title).toBe('quiet-otter-42 · En direct');
  });

  it('lower-cases an address with capitals (and drops its last slash), in the address bar and the handshake', () => {
    const { socket } = openAt('/r/Quiet-Otter-42/');
    expect(window.location.pathname).toBe('/r/quiet-otter-42');
    expect(socket.auth).toMatchObject({ room: 'quiet-otter-42' });
  });

  it('counts “(2) quiet-otter-42 · Live” in the title while the tab is hidden', () => {
    const { socket } = openAt('/r/quiet-otter-42');
    jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    socket.receive('message', chatMessage());
    socket.receive('message', chatMessage());
    expect(document.title).toBe('(2) quiet-otter-42 · Live');
  });
});

describe('an address that names no room', () => {
  it('says so, with the way to the lobby, and connects nowhere', async () => {
    window.history.replaceState(null, '', '/r/Bad_Slug!');
    const { socket } = renderApp();
    await settle();
    expect(screen.getByRole('heading', { name: 'No room at this address' })).toBeInTheDocument();
    expect(socket.connectCalls).toBe(0);

    await userEvent.click(screen.getByRole('link', { name: 'Go to the lobby' }));
    expect(window.location.pathname).toBe('/');
    expect(socket.connectCalls).toBe(1);
    expect(socket.auth).not.toHaveProperty('room');
    expect(heading()).toHaveFocus();
  });
});

describe('moving to another room', () => {
  it('“New room” opens a new random room on a new connection, the last room’s count and chat gone', async () => {
    const { socket, enter } = openAt('/r/maths-101');
    enter({ count: 41, messages: [chatMessage({ text: 'only in maths-101' })] });
    expect(count()).toHaveTextContent('41');

    await userEvent.click(screen.getByRole('button', { name: 'New room' }));

    const path = window.location.pathname;
    expect(path).toMatch(/^\/r\/[a-z]+-[a-z]+-\d+$/);
    const room = path.slice('/r/'.length);
    expect(socket.disconnectCalls).toBe(1);
    expect(socket.connectCalls).toBe(2);
    expect(socket.auth).toMatchObject({ room });
    expect(heading()).toHaveAccessibleName(`Room ${room}`);
    // Focus follows the move, as a page load would reset it.
    expect(heading()).toHaveFocus();
    expect(within(log()).queryByText('only in maths-101')).not.toBeInTheDocument();
    expect(count()).not.toHaveTextContent('41');

    enter({ count: 3 });
    expect(count()).toHaveTextContent('3');
  });

  it('goes back to the room before with the browser’s Back', async () => {
    const { socket, enter } = openAt('/r/maths-101');
    await userEvent.click(screen.getByRole('button', { name: 'New room' }));
    enter();

    await goBack();
    expect(window.location.pathname).toBe('/r/maths-101');
    expect(socket.auth).toMatchObject({ room: 'maths-101' });
    expect(heading()).toHaveAccessibleName('Room maths-101');
  });

  it('lists the lobby and the rooms visited, the one open now marked, and moves by them', async () => {
    const { socket, enter } = openAt('/r/maths-101');
    await userEvent.click(screen.getByRole('button', { name: 'New room' }));
    enter();
    const room = window.location.pathname.slice('/r/'.length);

    expect(recent()).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(recent());
    expect(recent()).toHaveAttribute('aria-expanded', 'true');
    const links = within(rooms()).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Lobby', room, 'maths-101']);
    expect(links[1]).toHaveAttribute('aria-current', 'page');
    expect(links[0]).toHaveAttribute('href', '/');

    await userEvent.click(links[0]);
    expect(window.location.pathname).toBe('/');
    expect(socket.auth).not.toHaveProperty('room');
    expect(recent()).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes the list with Escape, focus back on its button', async () => {
    openAt('/r/maths-101');
    await userEvent.click(recent());
    await userEvent.tab();
    expect(within(rooms()).getByRole('link', { name: 'Lobby' })).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    expect(recent()).toHaveAttribute('aria-expanded', 'false');
    expect(recent()).toHaveFocus();
  });

  it('keeps the rooms visited across visits', async () => {
    const first = openAt('/r/maths-101');
    first.unmount();
    openAt('/r/quiet-otter-42');
    await userEvent.click(recent());
    expect(within(rooms()).getByRole('link', { name: 'maths-101' })).toHaveAttribute(
      'href',
      '/r/maths-101',
    );
  });
});

describe('“Copy link”', () => {
  it('puts the room’s full address on the clipboard and says “Copied” for a while', async () => {
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    openAt('/r/quiet-otter-42');

    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('http://localhost/r/quiet-otter-42');
    await waitFor(() => expect(within(rooms()).getByRole('status')).toHaveTextContent('Copied'));

    act(() => jest.advanceTimersByTime(COPIED_NOTICE_MS));
    expect(within(rooms()).getByRole('status')).toHaveTextContent('');
  });

  it('shows the address selected in a field where the browser has no clipboard', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    openAt('/r/quiet-otter-42');

    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = screen.getByRole('textbox', { name: 'Copy this link:' });
    expect(field).toHaveValue('http://localhost/r/quiet-otter-42');
    expect(field).toHaveFocus();
    const input = field as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
    expect(within(rooms()).getByRole('status')).toHaveTextContent('');
  });
});
