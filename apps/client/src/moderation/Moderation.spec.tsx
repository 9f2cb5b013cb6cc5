import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { chatMessage, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { forbidden } from '../testing/serverRefusals';
import { readModeratorToken } from './moderatorToken';

const log = () => screen.getByRole('log', { name: 'Messages' });
const count = () => screen.getByRole('status', { name: 'Clicks so far' });

function connectedApp({ moderator }: { moderator: boolean }) {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive(
    'welcome',
    welcome({
      count: 41,
      you: { id: 's1', name: 'Me', moderator },
      messages: [
        chatMessage({ id: 'spam', author: 'Spammer', text: 'buy now' }),
        chatMessage({ id: 'fine', author: 'Ada', text: 'hello' }),
      ],
    }),
  );
  return rendered;
}

describe('moderator controls', () => {
  it('are not shown to everyone else', () => {
    connectedApp({ moderator: false });
    expect(within(log()).queryByRole('button', { name: /Delete message/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset counter to 0' })).toBeNull();
  });

  it('let a moderator delete a message, which disappears once the server says so', async () => {
    const { socket } = connectedApp({ moderator: true });
    await userEvent.click(
      within(log()).getByRole('button', { name: 'Delete message from Spammer' }),
    );
    expect(socket.sent('message:delete')).toEqual([{ id: 'spam' }]);
    expect(within(log()).getByText('buy now')).toBeInTheDocument();

    await socket.ack('message:delete', { ok: true, id: 'spam', deleted: true });
    socket.receive('message:deleted', { id: 'spam' });
    expect(within(log()).queryByText('buy now')).toBeNull();
    expect(within(log()).getByText('hello')).toBeInTheDocument();
  });

  it('let a moderator reset the counter', async () => {
    const { socket } = connectedApp({ moderator: true });
    await userEvent.click(screen.getByRole('button', { name: 'Reset counter to 0' }));
    expect(socket.sent('counter:reset')).toEqual([null]);
    await socket.ack('counter:reset', { ok: true, count: 0 });
    socket.receive('counter:reset', { count: 0 });
    expect(count()).toHaveTextContent('0');
  });

  it('say why an action was refused', async () => {
    const { socket } = connectedApp({ moderator: true });
    await userEvent.click(screen.getByRole('button', { name: 'Reset counter to 0' }));
    await socket.ack('counter:reset', forbidden());
    expect(screen.getByText('Not reset: Only a moderator may do this')).toHaveAttribute(
      'role',
      'alert',
    );
    // Said beside the control that was used, not beside the chat's delete buttons too.
    expect(screen.queryByText(/Not deleted/)).toBeNull();

    await userEvent.click(
      within(log()).getByRole('button', { name: 'Delete message from Spammer' }),
    );
    await socket.ack('message:delete', forbidden());
    expect(screen.getByText('Not deleted: Only a moderator may do this')).toHaveAttribute(
      'role',
      'alert',
    );
  });
});

describe('for everyone', () => {
  it('a deleted message disappears and a reset count shows 0, even though it went down', () => {
    const { socket } = connectedApp({ moderator: false });
    expect(count()).toHaveTextContent('41');
    socket.receive('message:deleted', { id: 'spam' });
    expect(within(log()).queryByText('buy now')).toBeNull();
    // A plain lower `click` could be a stale broadcast and is ignored; a reset is not.
    socket.receive('click', 3);
    expect(count()).toHaveTextContent('41');
    socket.receive('counter:reset', { count: 0 });
    expect(count()).toHaveTextContent('0');
    socket.receive('click', 1);
    expect(count()).toHaveTextContent('1');
  });
});

describe('the moderator token', () => {
  it('is read from #token=, sent in the handshake, and removed from the address bar', () => {
    window.history.replaceState(null, '', '/?room=1#token=s3cret-operator-token-0123456789abcdef');
    const { socket } = renderApp();
    expect(socket.auth).toEqual({ token: 's3cret-operator-token-0123456789abcdef' });
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?room=1');
    // Kept for this tab: a reload still has it.
    expect(readModeratorToken()).toBe('s3cret-operator-token-0123456789abcdef');
  });

  it('is not sent when there is none', () => {
    const { socket } = renderApp();
    expect(socket.auth).toEqual({});
  });

  it('an empty #token= forgets a kept one', () => {
    sessionStorage.setItem('live-counter.moderator-token', 'old');
    window.history.replaceState(null, '', '/#token=');
    expect(readModeratorToken()).toBeUndefined();
  });
});
