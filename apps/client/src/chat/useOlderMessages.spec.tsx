import { LIMITS, type ChatMessage } from '@live/shared-events';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Text } from '../i18n/catalogue';
import { english } from '../testing/english';
import { messagesFrom, renderWithSocket, welcome } from '../testing/fakeSocket';
import { rateLimited } from '../testing/serverRefusals';
import { useMessageLog } from './useMessageLog';
import { useOlderMessages } from './useOlderMessages';

function OlderMessagesHarness() {
  const log = useMessageLog();
  const [error, setError] = useState<Text | null>(null);
  const { loadingOlder, loadOlder } = useOlderMessages(log.messages[0]?.seq, {
    onLoaded: log.addOlder,
    onError: setError,
  });
  return (
    <>
      <button type="button" onClick={() => void loadOlder()} disabled={loadingOlder}>
        {loadingOlder ? 'Loading…' : 'Load older'}
      </button>
      <p>{log.hasOlder ? 'There are older messages' : 'This is the start'}</p>
      <ol aria-label="Messages">
        {log.messages.map((m) => (
          <li key={m.id}>{m.seq}</li>
        ))}
      </ol>
      <p role="alert">{error && english.say(error)}</p>
    </>
  );
}

const shownSeqs = () =>
  within(screen.getByRole('list', { name: 'Messages' }))
    .queryAllByRole('listitem')
    .map((item) => Number(item.textContent));

function showing(messages: ChatMessage[]) {
  const rendered = renderWithSocket(<OlderMessagesHarness />);
  rendered.socket.serverConnect();
  rendered.socket.receive('welcome', welcome({ messages }));
  return rendered;
}

const limit = LIMITS.historyDefaultLimit;

describe('useOlderMessages', () => {
  it('asks for the page before the oldest message shown and puts it on top', async () => {
    const { socket } = showing(messagesFrom(200, LIMITS.welcomeMessages));

    await userEvent.click(screen.getByRole('button', { name: 'Load older' }));
    expect(socket.sent('history')).toEqual([{ before: 200, limit }]);
    expect(screen.getByRole('button', { name: 'Loading…' })).toBeDisabled();

    await socket.ack('history', { ok: true, messages: messagesFrom(150, limit) });
    expect(shownSeqs()[0]).toBe(150);
    expect(screen.getByText('There are older messages')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load older' })).toBeEnabled();
  });

  it('knows it reached the start when a page comes back short', async () => {
    const { socket } = showing(messagesFrom(4, LIMITS.welcomeMessages));
    await userEvent.click(screen.getByRole('button', { name: 'Load older' }));

    await socket.ack('history', { ok: true, messages: messagesFrom(1, 3) });

    expect(shownSeqs().slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(screen.getByText('This is the start')).toBeInTheDocument();
  });

  it('says why a page could not be loaded, and lets the person try again', async () => {
    const { socket } = showing(messagesFrom(200, LIMITS.welcomeMessages));
    await userEvent.click(screen.getByRole('button', { name: 'Load older' }));

    await socket.ack('history', rateLimited('history', 800));

    expect(screen.getByRole('alert')).toHaveTextContent('You are going too fast; try again in 1 s');
    expect(screen.getByRole('button', { name: 'Load older' })).toBeEnabled();
  });

  it('asks for nothing while no message is shown', async () => {
    const { socket } = showing([]);
    await userEvent.click(screen.getByRole('button', { name: 'Load older' }));
    expect(socket.sent('history')).toEqual([]);
  });
});
