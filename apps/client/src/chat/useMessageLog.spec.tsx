import { LIMITS } from '@live/shared-events';
import { screen, within } from '@testing-library/react';
import { chatMessage, renderWithSocket, welcome } from '../testing/fakeSocket';
import { useMessageLog } from './useMessageLog';

function MessageLogHarness() {
  const { messages, hasOlder } = useMessageLog();
  return (
    <>
      <ol aria-label="Messages">
        {messages.map((m) => (
          <li key={m.id}>{m.deleted ? 'Message deleted' : m.text}</li>
        ))}
      </ol>
      <p>{hasOlder ? 'There are older messages' : 'This is the start'}</p>
    </>
  );
}

const shown = () =>
  within(screen.getByRole('list', { name: 'Messages' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

function connected() {
  const rendered = renderWithSocket(<MessageLogHarness />);
  rendered.socket.serverConnect();
  return rendered;
}

describe('useMessageLog', () => {
  it('shows the welcome’s messages, then each broadcast once, in seq order', () => {
    const { socket } = connected();
    const [first, second, third] = [chatMessage(), chatMessage(), chatMessage()];
    socket.receive('welcome', welcome({ messages: [first] }));

    socket.receive('message', third);
    socket.receive('message', third);
    socket.receive('message', second);

    expect(shown()).toEqual([first.text, second.text, third.text]);
  });

  it('keeps what it has when a reconnect’s welcome overlaps it', async () => {
    const { socket } = connected();
    const [old, both] = [chatMessage(), chatMessage()];
    socket.receive('welcome', welcome({ messages: [old, both] }));

    await socket.drop();
    socket.serverConnect();
    socket.receive('welcome', welcome({ messages: [both] }));

    expect(shown()).toEqual([old.text, both.text]);
  });

  it('knows the chat goes back further only when the welcome snapshot is full', async () => {
    const { socket } = connected();
    const fewer = Array.from({ length: LIMITS.welcomeMessages - 1 }, () => chatMessage());
    socket.receive('welcome', welcome({ messages: fewer }));
    expect(screen.getByText('This is the start')).toBeInTheDocument();

    await socket.drop();
    socket.serverConnect();
    const full = Array.from({ length: LIMITS.welcomeMessages }, () => chatMessage());
    socket.receive('welcome', welcome({ messages: full }));
    expect(screen.getByText('There are older messages')).toBeInTheDocument();
  });

  it('keeps a deleted message’s place without its text, even when a copy arrives again', () => {
    const { socket } = connected();
    const [spam, fine] = [chatMessage({ text: 'buy now' }), chatMessage({ text: 'hello' })];
    socket.receive('welcome', welcome({ messages: [spam, fine] }));

    socket.receive('message:deleted', { id: spam.id });
    expect(shown()).toEqual(['Message deleted', 'hello']);

    // A late broadcast or page of history from before the deletion does not bring it back.
    socket.receive('message', spam);
    socket.receive('message:edited', {
      ...spam,
      text: 'buy now!',
      editedAt: '2026-01-01T10:05:00Z',
    });
    expect(shown()).toEqual(['Message deleted', 'hello']);
  });

  it('shows the latest edit of a message, whatever order its copies arrive in', () => {
    const { socket } = connected();
    const original = chatMessage({ text: 'helo' });
    socket.receive('welcome', welcome({ messages: [original] }));

    const edited = { ...original, text: 'hello', editedAt: '2026-01-01T10:01:00Z' };
    socket.receive('message:edited', edited);
    expect(shown()).toEqual(['hello']);

    // The original again (a history page fetched before the edit) does not undo it.
    socket.receive('message', original);
    expect(shown()).toEqual(['hello']);

    // An edit of a message not loaded here adds nothing.
    socket.receive('message:edited', chatMessage({ editedAt: '2026-01-01T10:02:00Z' }));
    expect(shown()).toEqual(['hello']);
  });
});
