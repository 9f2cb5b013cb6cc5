import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ACK_TIMEOUT_MS } from '../socket/emitWithAck';
import { renderWithSocket, welcome, type FakeSocket } from '../testing/fakeSocket';
import { inFrench } from '../testing/inFrench';
import { rateLimited, storeUnavailable } from '../testing/serverRefusals';
import { Counter } from './Counter';

function renderConnected(count: number) {
  const rendered = renderWithSocket(<Counter />);
  rendered.socket.serverConnect();
  rendered.socket.receive('welcome', welcome({ count }));
  return rendered;
}

/** The big figure on screen (not a live region: it changes many times a second). */
const count = () => document.querySelector('.counter .count') as HTMLElement;
/** What a screen reader is told: the live region beside it. */
const announced = () => screen.getByRole('status', { name: 'Clicks so far' });
const button = () => screen.getByRole('button', { name: /Click/ });
/** The line under the button that says why a click waits or was not counted. */
const note = () => document.querySelector('.counter .note') as HTMLElement;
const clickIds = (socket: FakeSocket) =>
  socket.sent('click').map((payload) => (payload as { id?: string } | null | undefined)?.id);
const userWithFakeTimers = () =>
  userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });

describe('Counter', () => {
  it('shows the count from the welcome and follows broadcasts', () => {
    const { socket } = renderConnected(41);
    expect(count()).toHaveTextContent('41');

    socket.receive('click', 50);
    expect(count()).toHaveTextContent('50');
  });

  it('never goes backwards on a late, lower broadcast', () => {
    const { socket } = renderConnected(10);
    socket.receive('click', 12);
    socket.receive('click', 11);
    expect(count()).toHaveTextContent('12');
  });

  it('takes a lower count from a welcome (after a reset)', async () => {
    const { socket } = renderConnected(10);
    await socket.drop();
    socket.serverConnect();
    socket.receive('welcome', welcome({ count: 0 }));
    expect(count()).toHaveTextContent('0');
  });

  it('sends every click with an id and shows the count the server answers', async () => {
    const { socket } = renderConnected(5);
    await userEvent.click(button());

    expect(socket.sent('click')).toEqual([{ id: expect.any(String) }]);
    await socket.ack('click', { ok: true, count: 6 });
    expect(count()).toHaveTextContent('6');
  });

  it('sends a click cut off by a drop again, with the same id, and never says it was lost', async () => {
    const { socket } = renderConnected(5);
    await userEvent.click(button());
    await socket.drop();
    expect(screen.queryByText(/not counted/)).not.toBeInTheDocument();

    socket.serverConnect();
    socket.receive('welcome', welcome({ count: 6 }));
    const [first, again] = clickIds(socket);
    expect(again).toBe(first);

    // The server counted the first attempt: it acks the repeat with its original count.
    await socket.ack('click', { ok: true, count: 6 });
    expect(count()).toHaveTextContent('6');
    expect(clickIds(socket)).toHaveLength(2);
    expect(screen.queryByText(/not counted/)).not.toBeInTheDocument();
  });

  it('sends a click again, with the same id, when its answer does not come in time', async () => {
    jest.useFakeTimers();
    const { socket } = renderConnected(5);
    await userWithFakeTimers().click(button());

    await act(async () => jest.advanceTimersByTime(ACK_TIMEOUT_MS));

    const [first, again] = clickIds(socket);
    expect(again).toBe(first);
    expect(screen.queryByText(/not counted/)).not.toBeInTheDocument();
  });

  it('holds a click refused for speed, says the wait once in whole seconds, then sends it again', async () => {
    jest.useFakeTimers();
    const { socket } = renderConnected(5);
    await userWithFakeTimers().click(button());

    await socket.ack('click', rateLimited('click', 40));
    expect(note()).toHaveTextContent(/^You are going too fast; sending again in 1 s$/);

    await act(async () => jest.advanceTimersByTime(40));
    expect(note()).toBeEmptyDOMElement();
    const [first, again] = clickIds(socket);
    expect(again).toBe(first);

    await socket.ack('click', { ok: true, count: 6 });
    expect(count()).toHaveTextContent('6');
  });

  it('says a click was not counted only when the server refused it, until a reconnect', async () => {
    const { socket } = renderConnected(5);
    await userEvent.click(button());

    await socket.ack('click', storeUnavailable());
    expect(note()).toHaveTextContent(/^Your click was not counted: The store is unavailable/);
    expect(count()).toHaveTextContent('5');

    await socket.drop();
    socket.serverConnect();
    socket.receive('welcome', welcome({ count: 5 }));
    expect(note()).toBeEmptyDOMElement();
    expect(clickIds(socket)).toHaveLength(1);
  });

  it('never shows a lower count while answers, refusals and broadcasts cross', async () => {
    jest.useFakeTimers();
    const { socket } = renderConnected(5);
    const shown: number[] = [];
    const look = () => shown.push(Number(count().textContent));
    const user = userWithFakeTimers();

    for (let i = 0; i < 3; i += 1) {
      await user.click(button());
      look();
    }
    socket.receive('click', 7);
    look();
    await socket.ack('click', rateLimited('click', 500));
    look();
    await socket.ack('click', { ok: true, count: 6 });
    look();
    socket.receive('click', 6);
    look();
    await socket.ack('click', { ok: true, count: 8 });
    look();

    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown.at(-1)).toBe(8);
  });

  it('keeps a reset when a click sent before it is answered after it', async () => {
    const { socket } = renderConnected(40);
    await userEvent.click(button());
    socket.receive('counter:reset', { count: 0 });
    socket.receive('click', 0);

    await socket.ack('click', { ok: true, count: 41 });
    expect(count()).toHaveTextContent(/^0$/);
  });

  it('tells a screen reader the count at most every 5 s, and at once when our click counts', async () => {
    jest.useFakeTimers();
    const { socket } = renderConnected(41);
    const after = (ms: number) => act(async () => jest.advanceTimersByTime(ms));
    await after(0);
    expect(announced()).toHaveTextContent(/^41$/);

    for (let next = 42; next <= 60; next += 1) socket.receive('click', next);
    expect(count()).toHaveTextContent('60');
    await after(4000);
    expect(announced()).toHaveTextContent(/^41$/);
    await after(1000);
    expect(announced()).toHaveTextContent(/^60$/);

    socket.receive('click', 61);
    await userWithFakeTimers().click(button());
    await socket.ack('click', { ok: true, count: 62 });
    await after(0);
    expect(announced()).toHaveTextContent(/^62$/);
  });

  it('disables the button with a reason while reconnecting', async () => {
    const { socket } = renderConnected(5);
    await socket.drop();
    expect(button()).toBeDisabled();
    expect(button()).toHaveAccessibleDescription('Clicks are paused until the connection is back.');

    socket.serverConnect();
    expect(button()).toBeEnabled();
  });
});

describe('Counter in French', () => {
  beforeEach(inFrench);

  it('names the count and the button in French, and writes the figure the French way', () => {
    renderConnected(12345);
    expect(screen.getByRole('heading', { name: 'Clics jusqu’ici' })).toBeInTheDocument();
    expect(count().textContent).toMatch(/^12\s345$/u);
    expect(screen.getByRole('status', { name: 'Clics jusqu’ici' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cliquer +1' })).toBeEnabled();
  });

  it('says why clicks wait, in French', () => {
    const { socket } = renderWithSocket(<Counter />);
    expect(screen.getByText('Les clics commencent dès la connexion.')).toBeInTheDocument();
    socket.serverConnect();
    socket.receive('welcome', welcome({ count: 1 }));
    expect(screen.queryByText('Les clics commencent dès la connexion.')).not.toBeInTheDocument();
  });

  it('words a refusal by its code, keeping the server’s wait, not its English', async () => {
    const { socket } = renderConnected(1);
    await userEvent.click(screen.getByRole('button', { name: 'Cliquer +1' }));
    await socket.ack('click', rateLimited('click', 1500));
    expect(note()).toHaveTextContent('Vous allez trop vite ; nouvel envoi dans 2 s');
    expect(note()).not.toHaveTextContent(/try again|Too many/);
  });

  it('says the click was not counted, with the reason, in French', async () => {
    const { socket } = renderConnected(1);
    await userEvent.click(screen.getByRole('button', { name: 'Cliquer +1' }));
    await socket.ack('click', storeUnavailable());
    expect(note()).toHaveTextContent(
      /^Votre clic n’a pas été compté : Le stockage est indisponible/,
    );
  });
});
