import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { identityId, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { muted } from '../testing/serverRefusals';
import { english } from '../testing/english';

const composer = () => screen.getByRole('textbox', { name: 'Message' });
const send = () => screen.getByRole('button', { name: 'Send' });
const me = identityId('me');

function connectedApp(mutedUntil?: string) {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive(
    'welcome',
    welcome({ you: { id: 's1', name: 'Me', userId: me }, mutedUntil }),
  );
  return rendered;
}

describe('when a moderator mutes us', () => {
  it('says until when, and disables the composer until then', () => {
    jest.useFakeTimers();
    const { socket } = connectedApp();
    const until = Date.now() + 5 * 60_000;

    socket.receive('user:muted', { userId: me, name: 'Me', until: new Date(until).toISOString() });

    expect(screen.getByText(`You are muted until ${english.clockTime(until)}`)).toHaveAttribute(
      'role',
      'status',
    );
    expect(composer()).toBeDisabled();
    expect(composer()).toHaveAccessibleDescription(
      expect.stringContaining(`You are muted until ${english.clockTime(until)}`),
    );
    expect(send()).toBeDisabled();

    act(() => {
      jest.advanceTimersByTime(5 * 60_000);
    });
    expect(composer()).toBeEnabled();
    expect(screen.queryByText(/You are muted/)).toBeNull();
  });

  it('ends when we are unmuted', () => {
    const { socket } = connectedApp(new Date(Date.now() + 3_600_000).toISOString());
    expect(composer()).toBeDisabled();

    socket.receive('user:muted', { userId: me, name: 'Me' });
    expect(composer()).toBeEnabled();
  });

  it('is not about us when someone else is muted', () => {
    const { socket } = connectedApp();
    socket.receive('user:muted', {
      userId: identityId('bo'),
      name: 'Bo',
      until: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(composer()).toBeEnabled();
  });

  it('is learnt from a refused send too, saying it once', async () => {
    const { socket } = connectedApp();
    await userEvent.type(composer(), 'hello?{Enter}');

    await socket.ack('message', muted(10 * 60_000));

    expect(composer()).toBeDisabled();
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(within(log).getByText(/^Not sent: You are muted until/)).toBeInTheDocument();
    // Beside the composer, the notice alone: not the same sentence again as an error.
    expect(screen.getAllByText(/^You are muted until/)).toHaveLength(1);
  });
});
