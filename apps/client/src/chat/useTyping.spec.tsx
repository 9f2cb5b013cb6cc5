import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithSocket, welcome } from '../testing/fakeSocket';
import { TYPING_IDLE_MS, TYPING_REFRESH_MS } from './typingNotifier';
import { useTyping } from './useTyping';

function TypingHarness() {
  const typing = useTyping();
  return (
    <>
      <button type="button" onClick={() => typing(true)}>
        Key press
      </button>
      <button type="button" onClick={() => typing(false)}>
        Send
      </button>
    </>
  );
}

const press = (name: 'Key press' | 'Send') => fireEvent.click(screen.getByRole('button', { name }));
const later = (ms: number) =>
  act(() => {
    jest.advanceTimersByTime(ms);
  });

function renderTyping({ connected = true } = {}) {
  jest.useFakeTimers();
  const rendered = renderWithSocket(<TypingHarness />);
  if (connected) {
    rendered.socket.serverConnect();
    rendered.socket.receive('welcome', welcome());
  }
  return rendered;
}

describe('useTyping', () => {
  it('says "typing" once for a burst of keystrokes, and "stopped" once on send', () => {
    const { socket } = renderTyping();
    press('Key press');
    press('Key press');
    press('Key press');
    expect(socket.sent('typing')).toEqual([true]);

    press('Send');
    press('Send');
    expect(socket.sent('typing')).toEqual([true, false]);
  });

  it('repeats "typing" while it lasts, so the others’ indicators do not expire', () => {
    const { socket } = renderTyping();
    press('Key press');
    later(TYPING_REFRESH_MS - 500);
    press('Key press');
    expect(socket.sent('typing')).toEqual([true]);

    later(500);
    press('Key press');
    expect(socket.sent('typing')).toEqual([true, true]);
  });

  it('says "stopped" after a quiet spell without keystrokes', () => {
    const { socket } = renderTyping();
    press('Key press');
    later(TYPING_IDLE_MS);
    expect(socket.sent('typing')).toEqual([true, false]);
  });

  it('sends nothing while not connected (typing is not worth keeping for later)', () => {
    const { socket } = renderTyping({ connected: false });
    press('Key press');
    press('Send');
    expect(socket.sent('typing')).toEqual([]);
  });

  it('sends nothing more once the chat is gone, though the connection stays', () => {
    const { socket, rerender } = renderTyping();
    press('Key press');
    rerender(<p>No chat here</p>);
    later(TYPING_IDLE_MS);
    expect(socket.sent('typing')).toEqual([true]);
  });
});
