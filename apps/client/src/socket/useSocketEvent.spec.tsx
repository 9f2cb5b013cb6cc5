import { screen } from '@testing-library/react';
import { useState } from 'react';
import { renderWithSocket } from '../testing/fakeSocket';
import { useSocketEvent } from './useSocketEvent';

function Online() {
  const [online, setOnline] = useState<number | null>(null);
  useSocketEvent('presence', ({ online }) => setOnline(online));
  return <p>{online ?? 'unknown'}</p>;
}

function Listener({ handler }: { handler: (count: number) => void }) {
  useSocketEvent('click', handler);
  return null;
}

describe('useSocketEvent', () => {
  it('adds exactly one listener and removes it on unmount', () => {
    const handler = jest.fn();
    const { socket, unmount } = renderWithSocket(<Listener handler={handler} />);
    expect(socket.listenerCount('click')).toBe(1);

    socket.receive('click', 7);
    expect(handler).toHaveBeenCalledWith(7);

    unmount();
    expect(socket.listenerCount('click')).toBe(0);
  });

  it('swaps the listener when the handler changes, leaving one', () => {
    const first = jest.fn();
    const second = jest.fn();
    const { socket, rerender } = renderWithSocket(<Listener handler={first} />);

    rerender(<Listener handler={second} />);
    socket.receive('click', 3);

    expect(socket.listenerCount('click')).toBe(1);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(3);
  });

  it('delivers server events into component state', () => {
    const { socket } = renderWithSocket(<Online />);
    socket.receive('presence', { online: 4 });
    expect(screen.getByText('4')).toBeInTheDocument();
  });
});
