import type { ChatMessage } from '@live/shared-events';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { chatMessage, identityId, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { forbidden, messageNotFound } from '../testing/serverRefusals';
import { EDIT_WINDOW_MS } from './ownMessages';

const log = () => screen.getByRole('log', { name: 'Messages' });
const composer = () => screen.getByRole('textbox', { name: 'Message' });
const editor = () => screen.getByRole('textbox', { name: 'Edit your message' });
const items = () => within(log()).getAllByRole('listitem');

const me = identityId('me');
const namesake = identityId('other-ada');
const justNow = () => new Date().toISOString();

function connectedApp(
  messages: ChatMessage[],
  { moderator = false, editWindowMs }: { moderator?: boolean; editWindowMs?: number } = {},
) {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive(
    'welcome',
    welcome({ messages, you: { id: 's1', name: 'Ada', userId: me, moderator }, editWindowMs }),
  );
  return rendered;
}

const mine = (overrides: Partial<ChatMessage> = {}) =>
  chatMessage({ author: 'Ada', authorId: me, sentAt: justNow(), ...overrides });

describe('our own messages', () => {
  it('are told apart by identity, never by name: a namesake’s are not ours', () => {
    connectedApp([
      mine({ text: 'from me' }),
      chatMessage({ author: 'Ada', authorId: namesake, sentAt: justNow(), text: 'from her' }),
      chatMessage({ author: 'Ada', sentAt: justNow(), text: 'from before identities' }),
    ]);
    const [ours, hers, old] = items();

    expect(ours).toHaveClass('mine');
    expect(within(ours).getByRole('button', { name: 'Edit your message “from me”' })).toBeEnabled();
    expect(
      within(ours).getByRole('button', { name: 'Delete your message “from me”' }),
    ).toBeEnabled();
    for (const item of [hers, old]) {
      expect(item).not.toHaveClass('mine');
      expect(within(item).queryByRole('button')).toBeNull();
    }
  });

  it('name what they act on by the message’s first words', () => {
    connectedApp([mine({ text: 'A rather long message that goes\non and on' })]);
    expect(
      screen.getByRole('button', { name: 'Edit your message “A rather long message th…”' }),
    ).toBeInTheDocument();
  });

  it('are edited in place: the text prefilled, Enter saves, then “edited” with the time', async () => {
    const message = mine({ text: 'helo' });
    const { socket } = connectedApp([message]);

    await userEvent.click(screen.getByRole('button', { name: 'Edit your message “helo”' }));
    expect(editor()).toHaveValue('helo');
    expect(editor()).toHaveFocus();

    await userEvent.type(editor(), '{Backspace}{Backspace}llo{Enter}');
    expect(socket.sent('message:edit')).toEqual([{ id: message.id, text: 'hello' }]);

    const editedAt = justNow();
    await socket.ack('message:edit', {
      ok: true,
      message: { ...message, text: 'hello', editedAt },
    });
    expect(screen.queryByRole('textbox', { name: 'Edit your message' })).toBeNull();
    expect(within(log()).getByText('hello')).toBeInTheDocument();
    expect(
      within(log())
        .getByText(/^edited/)
        .querySelector('time'),
    ).toHaveAttribute('datetime', editedAt);
    expect(screen.getByRole('button', { name: 'Edit your message “hello”' })).toHaveFocus();
  });

  it('Escape cancels an edit: nothing is sent and focus goes back', async () => {
    const { socket } = connectedApp([mine({ text: 'keep me' })]);
    const edit = screen.getByRole('button', { name: 'Edit your message “keep me”' });

    await userEvent.click(edit);
    await userEvent.type(editor(), ' changed{Escape}');

    expect(screen.queryByRole('textbox', { name: 'Edit your message' })).toBeNull();
    expect(within(log()).getByText('keep me')).toBeInTheDocument();
    expect(socket.sent('message:edit')).toEqual([]);
    expect(edit).toHaveFocus();
  });

  it('Up in an empty composer edits our last message, and focus comes back to the composer', async () => {
    const { socket } = connectedApp([
      mine({ text: 'older of mine' }),
      mine({ text: 'latest of mine' }),
      chatMessage({ author: 'Bo', authorId: identityId('bo'), text: 'not mine' }),
    ]);

    await userEvent.click(composer());
    await userEvent.keyboard('{ArrowUp}');
    expect(editor()).toHaveValue('latest of mine');

    await userEvent.keyboard('{Escape}');
    expect(composer()).toHaveFocus();

    // With something written, Up moves the caret as usual.
    await userEvent.type(composer(), 'draft{ArrowUp}');
    expect(screen.queryByRole('textbox', { name: 'Edit your message' })).toBeNull();
    expect(socket.sent('message:edit')).toEqual([]);
  });

  it('says why an edit was refused and keeps the editor open', async () => {
    const { socket } = connectedApp([mine({ text: 'first' })]);
    await userEvent.click(screen.getByRole('button', { name: 'Edit your message “first”' }));
    await userEvent.type(editor(), ' take two{Enter}');

    await socket.ack('message:edit', messageNotFound());
    expect(screen.getByText('Not saved: No message has this id')).toHaveAttribute('role', 'alert');
    expect(editor()).toHaveValue('first take two');
  });

  it('are deleted without asking, and everyone sees “Message deleted”', async () => {
    const message = mine({ text: 'oops' });
    const { socket } = connectedApp([message]);
    await userEvent.click(screen.getByRole('button', { name: 'Delete your message “oops”' }));
    expect(socket.sent('message:delete')).toEqual([{ id: message.id }]);

    await socket.ack('message:delete', { ok: true, id: message.id, deleted: true });
    socket.receive('message:deleted', { id: message.id });
    expect(items()).toHaveLength(1);
    expect(items()[0]).toHaveTextContent('Message deleted');
    expect(within(log()).queryByText('oops')).toBeNull();
  });

  it('leave focus on the log, not the page’s start, when the focused Delete goes', async () => {
    const message = mine({ text: 'oops' });
    const { socket } = connectedApp([message]);
    await userEvent.click(screen.getByRole('button', { name: 'Delete your message “oops”' }));
    await socket.ack('message:delete', { ok: true, id: message.id, deleted: true });
    socket.receive('message:deleted', { id: message.id });
    expect(log()).toHaveFocus();
  });

  it('stop offering Edit and Delete once the edit window closes', () => {
    jest.useFakeTimers();
    connectedApp([mine({ text: 'soon too late' })]);
    expect(screen.getByRole('button', { name: /Edit your message/ })).toBeInTheDocument();

    act(() => {
      jest.advanceTimersByTime(EDIT_WINDOW_MS);
    });
    expect(screen.queryByRole('button', { name: /Edit your message/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete your message/ })).toBeNull();
  });

  it("follow the server's edit window when its welcome says it", () => {
    jest.useFakeTimers();
    connectedApp([mine({ text: 'one minute only' })], { editWindowMs: 60_000 });
    act(() => {
      jest.advanceTimersByTime(59_000);
    });
    expect(screen.getByRole('button', { name: /Edit your message/ })).toBeInTheDocument();
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.queryByRole('button', { name: /Edit your message/ })).toBeNull();
  });

  it('stay editable for a moderator after the window', () => {
    const old = new Date(Date.now() - 2 * EDIT_WINDOW_MS).toISOString();
    connectedApp([mine({ text: 'from long ago', sentAt: old })], { moderator: true });
    expect(
      screen.getByRole('button', { name: 'Edit your message “from long ago”' }),
    ).toBeInTheDocument();
  });

  it('show a refused delete beside the chat', async () => {
    const { socket } = connectedApp([mine({ text: 'late' })]);
    await userEvent.click(screen.getByRole('button', { name: 'Delete your message “late”' }));
    await socket.ack('message:delete', forbidden());
    expect(screen.getByText(/^Not deleted: /)).toHaveAttribute('role', 'alert');
  });
});
