import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { chatMessage, identityId, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { forbidden } from '../testing/serverRefusals';
import { RESET_NOTICE_MS } from '../counter/useCounter';
import { readModeratorToken } from './moderatorToken';

const log = () => screen.getByRole('log', { name: 'Messages' });
/** The count on screen (the live region beside it speaks it at most every few seconds). */
const count = () => document.querySelector('.counter .count') as HTMLElement;
const people = () => screen.getByRole('list', { name: 'People here' });
const row = (name: string) =>
  within(people())
    .getAllByRole('listitem')
    .find((item) => item.querySelector('.person-name')?.textContent === name) as HTMLElement;

const me = { id: identityId('me'), name: 'Me' };
const spammer = { id: identityId('spammer'), name: 'Spammer' };

function connectedApp({ moderator }: { moderator: boolean }) {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive(
    'welcome',
    welcome({
      count: 41,
      you: { id: 's1', name: me.name, userId: me.id, moderator },
      messages: [
        chatMessage({ id: 'spam', author: 'Spammer', authorId: spammer.id, text: 'buy now' }),
        chatMessage({ id: 'fine', author: 'Ada', text: 'hello' }),
      ],
      people: { people: [{ ...me, moderator }, spammer], total: 2 },
    }),
  );
  return rendered;
}

describe('moderator controls', () => {
  it('are not shown to everyone else', () => {
    connectedApp({ moderator: false });
    expect(within(log()).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset counter to 0' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Mute/ })).toBeNull();
  });

  it('delete someone else’s message only once the moderator confirms', async () => {
    const { socket } = connectedApp({ moderator: true });
    const deleteSpam = () =>
      within(log()).getByRole('button', { name: 'Delete Spammer’s message “buy now”' });

    await userEvent.click(deleteSpam());
    const question = within(log()).getByRole('group', {
      name: 'Delete Spammer’s message for everyone?',
    });
    expect(within(question).getByRole('button', { name: 'Yes' })).toHaveFocus();
    await userEvent.click(within(question).getByRole('button', { name: 'No' }));
    expect(socket.sent('message:delete')).toEqual([]);
    expect(deleteSpam()).toHaveFocus();

    await userEvent.click(deleteSpam());
    await userEvent.click(within(log()).getByRole('button', { name: 'Yes' }));
    expect(socket.sent('message:delete')).toEqual([{ id: 'spam' }]);
    expect(within(log()).getByText('buy now')).toBeInTheDocument();

    await socket.ack('message:delete', { ok: true, id: 'spam', deleted: true });
    socket.receive('message:deleted', { id: 'spam' });
    expect(within(log()).queryByText('buy now')).toBeNull();
    expect(within(log()).getByText('Message deleted')).toBeInTheDocument();
    expect(within(log()).getByText('hello')).toBeInTheDocument();
  });

  it('reset the counter once the moderator confirms, and Escape says no', async () => {
    const { socket } = connectedApp({ moderator: true });
    await userEvent.click(screen.getByRole('button', { name: 'Reset counter to 0' }));
    expect(
      screen.getByRole('group', { name: 'Reset the counter to 0 for everyone?' }),
    ).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(socket.sent('counter:reset')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Reset counter to 0' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Reset counter to 0' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes' }));
    expect(socket.sent('counter:reset')).toEqual([null]);
    await socket.ack('counter:reset', { ok: true, count: 0 });
    socket.receive('counter:reset', { count: 0 });
    expect(count()).toHaveTextContent('0');
  });

  it('mute a person for the chosen time once confirmed, then offer to unmute', async () => {
    const { socket } = connectedApp({ moderator: true });
    expect(within(row('Me')).queryByRole('button', { name: /Mute/ })).toBeNull();

    await userEvent.click(within(row('Spammer')).getByRole('button', { name: 'Mute Spammer' }));
    const choices = within(row('Spammer')).getByRole('group', { name: 'Mute Spammer for' });
    expect(
      within(choices)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['5 minutes', '1 hour', '1 day', 'Cancel']);
    await userEvent.click(within(choices).getByRole('button', { name: '1 hour' }));
    await userEvent.click(
      within(
        within(row('Spammer')).getByRole('group', { name: 'Mute Spammer for 1 hour?' }),
      ).getByRole('button', { name: 'No' }),
    );
    expect(socket.sent('user:mute')).toEqual([]);
    expect(within(row('Spammer')).getByRole('button', { name: 'Mute Spammer' })).toHaveFocus();

    await userEvent.click(within(row('Spammer')).getByRole('button', { name: 'Mute Spammer' }));
    await userEvent.click(within(row('Spammer')).getByRole('button', { name: '1 day' }));
    await userEvent.click(within(row('Spammer')).getByRole('button', { name: 'Yes' }));
    expect(socket.sent('user:mute')).toEqual([{ userId: spammer.id, minutes: 1440 }]);

    const until = new Date(Date.now() + 86_400_000).toISOString();
    await socket.ack('user:mute', { ok: true, userId: spammer.id, until });
    socket.receive('user:muted', { userId: spammer.id, name: 'Spammer', until });
    expect(within(row('Spammer')).getByText(/^muted until /)).toBeInTheDocument();

    await userEvent.click(within(row('Spammer')).getByRole('button', { name: 'Unmute Spammer' }));
    expect(socket.sent('user:unmute')).toEqual([{ userId: spammer.id }]);
    await socket.ack('user:unmute', { ok: true, userId: spammer.id });
    socket.receive('user:muted', { userId: spammer.id, name: 'Spammer' });
    expect(within(row('Spammer')).queryByText(/^muted until /)).toBeNull();
    expect(within(row('Spammer')).queryByRole('button', { name: 'Unmute Spammer' })).toBeNull();
  });

  it('say why an action was refused, beside the control that was used', async () => {
    const { socket } = connectedApp({ moderator: true });
    await userEvent.click(screen.getByRole('button', { name: 'Reset counter to 0' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes' }));
    await socket.ack('counter:reset', forbidden());
    expect(screen.getByText('Not reset: Only a moderator may do this')).toHaveAttribute(
      'role',
      'alert',
    );
    expect(screen.queryByText(/Not deleted/)).toBeNull();

    await userEvent.click(
      within(log()).getByRole('button', { name: 'Delete Spammer’s message “buy now”' }),
    );
    await userEvent.click(within(log()).getByRole('button', { name: 'Yes' }));
    await socket.ack('message:delete', forbidden());
    expect(screen.getByText('Not deleted: Only a moderator may do this')).toHaveAttribute(
      'role',
      'alert',
    );

    await userEvent.click(within(row('Spammer')).getByRole('button', { name: 'Mute Spammer' }));
    await userEvent.click(within(row('Spammer')).getByRole('button', { name: '5 minutes' }));
    await userEvent.click(within(row('Spammer')).getByRole('button', { name: 'Yes' }));
    await socket.ack('user:mute', forbidden());
    expect(within(row('Spammer')).getByRole('alert')).toHaveTextContent(
      'Not changed: Only a moderator may do this',
    );
  });
});

describe('for everyone', () => {
  it('a deleted message leaves “Message deleted” and a reset count shows 0, though it went down', () => {
    const { socket } = connectedApp({ moderator: false });
    expect(count()).toHaveTextContent('41');
    socket.receive('message:deleted', { id: 'spam' });
    expect(within(log()).queryByText('buy now')).toBeNull();
    expect(within(log()).getByText('Message deleted')).toBeInTheDocument();
    // A plain lower `click` could be a stale broadcast and is ignored; a reset is not.
    socket.receive('click', 3);
    expect(count()).toHaveTextContent('41');
    socket.receive('counter:reset', { count: 0 });
    expect(count()).toHaveTextContent('0');
    socket.receive('click', 1);
    expect(count()).toHaveTextContent('1');
  });
});

describe('a reset, for everyone', () => {
  it('says a moderator reset the counter, for a short while', () => {
    jest.useFakeTimers();
    connectedApp({ moderator: false }).socket.receive('counter:reset', { count: 0 });
    expect(screen.getByText('A moderator reset the counter.')).toBeInTheDocument();

    act(() => jest.advanceTimersByTime(RESET_NOTICE_MS));
    expect(screen.queryByText('A moderator reset the counter.')).not.toBeInTheDocument();
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
