import type { ChatMessage } from '@live/shared-events';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState } from 'react';
import type { Text } from '../i18n/catalogue';
import { english } from '../testing/english';
import { ACK_TIMEOUT_MS } from '../socket/emitWithAck';
import { chatMessage, renderWithSocket, welcome } from '../testing/fakeSocket';
import { messageDeleted, muted, rateLimited, storeUnavailable } from '../testing/serverRefusals';
import { useMessageLog } from './useMessageLog';
import { useOutbox } from './useOutbox';

function OutboxHarness() {
  const log = useMessageLog();
  const [error, setError] = useState<Text | null>(null);
  const [mutedFor, setMutedFor] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const { add } = log;
  const onStored = useCallback((message: ChatMessage) => add([message]), [add]);
  const { outbox, send, retry } = useOutbox(log.messages, {
    onStored,
    onError: setError,
    onMuted: setMutedFor,
  });
  return (
    <>
      <ol aria-label="Stored">
        {log.messages.map((m) => (
          <li key={m.id}>{m.text}</li>
        ))}
      </ol>
      <ol aria-label="Outbox">
        {outbox.map((m) => (
          <li key={m.id}>
            {m.text}: {m.failure ? english.say(m.failure) : 'pending'}
            {m.failure && !m.held && (
              <button type="button" onClick={() => retry(m.id)}>
                Retry
              </button>
            )}
          </li>
        ))}
      </ol>
      <label>
        Message <input value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button
        type="button"
        onClick={() => {
          send(draft);
          setDraft('');
        }}
      >
        Send
      </button>
      <p role="alert">{error && english.say(error)}</p>
      <p>{mutedFor !== null && `Muted for ${mutedFor} ms`}</p>
    </>
  );
}

const items = (name: 'Stored' | 'Outbox') =>
  within(screen.getByRole('list', { name }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

type Sent = { id: string; text: string };

function renderOutbox({ connected = true, user = userEvent.setup() } = {}) {
  const rendered = renderWithSocket(<OutboxHarness />);
  if (connected) {
    rendered.socket.serverConnect();
    rendered.socket.receive('welcome', welcome());
  }
  const write = async (text: string) => {
    await user.type(screen.getByRole('textbox', { name: 'Message' }), text);
    await user.click(screen.getByRole('button', { name: 'Send' }));
  };
  const sent = () => rendered.socket.sent('message') as Sent[];
  return { ...rendered, user, write, sent };
}

describe('useOutbox', () => {
  it('sends a message with its id at once, then shows the stored copy instead of ours', async () => {
    const { socket, write, sent } = renderOutbox();
    await write('hello');

    expect(sent()).toEqual([{ id: expect.any(String), text: 'hello' }]);
    expect(items('Outbox')).toEqual(['hello: pending']);

    await socket.ack('message', {
      ok: true,
      message: chatMessage({ id: sent()[0].id, text: 'hello' }),
    });
    expect(items('Stored')).toEqual(['hello']);
    expect(items('Outbox')).toEqual([]);
  });

  it('keeps messages written offline and sends them once, one at a time, in order', async () => {
    const { socket, write, sent } = renderOutbox({ connected: false });
    await write('one');
    await write('two');
    expect(sent()).toEqual([]);

    socket.serverConnect();
    expect(sent().map((m) => m.text)).toEqual(['one']);

    // The outbox changes while the first waits for its answer: it does not go out again.
    await write('three');
    expect(sent().map((m) => m.text)).toEqual(['one']);

    await socket.ack('message', { ok: true, message: chatMessage({ id: sent()[0].id }) });
    await socket.ack('message', { ok: true, message: chatMessage({ id: sent()[1].id }) });
    expect(sent().map((m) => m.text)).toEqual(['one', 'two', 'three']);
  });

  it('sends again, with the same id, when the link dropped before the answer', async () => {
    const { socket, write, sent } = renderOutbox();
    await write('hello');

    await socket.drop();
    expect(items('Outbox')).toEqual(['hello: pending']);
    socket.serverConnect();

    expect(sent()).toHaveLength(2);
    expect(sent()[1].id).toBe(sent()[0].id);
  });

  it('hides our copy as soon as its broadcast arrives, before the ack', async () => {
    const { socket, write, sent } = renderOutbox();
    await write('hello');
    const stored = chatMessage({ id: sent()[0].id, text: 'hello' });

    socket.receive('message', stored);
    expect(items('Stored')).toEqual(['hello']);
    expect(items('Outbox')).toEqual([]);

    await socket.ack('message', { ok: true, message: stored });
    expect(items('Stored')).toEqual(['hello']);
  });

  it('holds a message refused for speed, then sends it again in its place, before later ones', async () => {
    jest.useFakeTimers();
    const { socket, write, sent } = renderOutbox({
      user: userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) }),
    });
    await write('first');
    await socket.ack('message', rateLimited('message', 1200));
    await write('second');

    expect(items('Outbox')).toEqual([
      'first: You are going too fast; sending again in 2 s',
      'second: pending',
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'You are going too fast; sending again in 2 s',
    );
    expect(sent().map((m) => m.text)).toEqual(['first']);

    await act(async () => {
      jest.advanceTimersByTime(1200);
    });
    expect(sent().map((m) => m.text)).toEqual(['first', 'first']);
    expect(sent()[1].id).toBe(sent()[0].id);

    await socket.ack('message', { ok: true, message: chatMessage({ id: sent()[0].id }) });
    expect(sent().map((m) => m.text)).toEqual(['first', 'first', 'second']);
  });

  it('marks a message the server could not store with the reason, and retries it with the same id', async () => {
    const { socket, user, write, sent } = renderOutbox();
    await write('unlucky');

    await socket.ack('message', storeUnavailable());
    expect(items('Outbox')).toEqual([
      expect.stringMatching(/^unlucky: The store is unavailable.*Retry$/),
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent('The store is unavailable');

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    expect(sent()).toHaveLength(2);
    expect(sent()[1].id).toBe(sent()[0].id);
  });

  it('drops a message deleted before its answer came back, and says so', async () => {
    const { socket, write, sent } = renderOutbox();
    await write('removed');

    await socket.ack('message', messageDeleted());
    expect(items('Outbox')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('deleted by a moderator');
    expect(sent()).toHaveLength(1);
  });

  it('keeps a message refused because we are muted, and says for how long we are', async () => {
    const { socket, write } = renderOutbox();
    await write('while muted');

    await socket.ack('message', muted(90_000));

    expect(screen.getByText('Muted for 90000 ms')).toBeInTheDocument();
    expect(items('Outbox')).toEqual([expect.stringMatching(/^while muted: You are muted until /)]);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('clears the last refusal once a message gets through', async () => {
    const { socket, write, sent } = renderOutbox();
    await write('refused');
    await socket.ack('message', storeUnavailable());

    await write('accepted');
    await socket.ack('message', {
      ok: true,
      message: chatMessage({ id: sent()[1].id, text: 'accepted' }),
    });

    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    expect(items('Outbox')).toEqual([expect.stringMatching(/^refused: The store is unavailable/)]);
  });

  it('offers a retry when the server does not answer in time', async () => {
    jest.useFakeTimers();
    const { write } = renderOutbox({
      user: userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) }),
    });
    await write('hello');

    await act(async () => {
      jest.advanceTimersByTime(ACK_TIMEOUT_MS);
    });

    expect(items('Outbox')).toEqual(['hello: The server did not answer in time.Retry']);
  });
});
