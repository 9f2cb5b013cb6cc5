import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { english } from '../testing/english';
import { renderWithSocket, welcome } from '../testing/fakeSocket';
import { forbidden } from '../testing/serverRefusals';
import { useModeration } from './useModeration';

/** Stands for one of the places that read moderation (the counter, the chat). */
function ModerationReader({ place }: { place: string }) {
  const { isModerator, resetCounter, resetError } = useModeration();
  return (
    <section aria-label={place}>
      <p>{isModerator ? 'Moderator' : 'Not a moderator'}</p>
      <button type="button" onClick={() => void resetCounter()}>
        Reset
      </button>
      <p>{resetError && `Not reset: ${english.say(resetError)}`}</p>
    </section>
  );
}

function renderTwoReaders(moderator: boolean) {
  const rendered = renderWithSocket(
    <>
      <ModerationReader place="Counter" />
      <ModerationReader place="Chat" />
    </>,
  );
  rendered.socket.serverConnect();
  rendered.socket.receive('welcome', welcome({ you: { id: 's1', name: 'Me', moderator } }));
  return rendered;
}

const place = (name: string) => within(screen.getByRole('region', { name }));

describe('ModerationProvider', () => {
  it('gives every reader one moderation state, from the latest welcome', async () => {
    const { socket } = renderTwoReaders(true);
    expect(place('Counter').getByText('Moderator')).toBeInTheDocument();
    expect(place('Chat').getByText('Moderator')).toBeInTheDocument();

    await socket.drop();
    socket.serverConnect();
    socket.receive('welcome', welcome({ you: { id: 's2', name: 'Me', moderator: false } }));
    expect(place('Counter').getByText('Not a moderator')).toBeInTheDocument();
    expect(place('Chat').getByText('Not a moderator')).toBeInTheDocument();
  });

  it('sends one request per action, and every reader sees how it went', async () => {
    const { socket } = renderTwoReaders(true);
    await userEvent.click(place('Counter').getByRole('button', { name: 'Reset' }));
    expect(socket.sent('counter:reset')).toEqual([null]);

    await socket.ack('counter:reset', forbidden());
    expect(place('Chat').getByText('Not reset: Only a moderator may do this')).toBeInTheDocument();

    await userEvent.click(place('Chat').getByRole('button', { name: 'Reset' }));
    await socket.ack('counter:reset', { ok: true, count: 0 });
    expect(place('Counter').queryByText(/Not reset/)).toBeNull();
  });
});
