import { act, screen } from '@testing-library/react';
import { chatMessage, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { TYPING_EXPIRY_MS } from './usePresence';

describe('who is here', () => {
  it('shows how many are online and follows presence', () => {
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome({ online: 3 }));
    expect(screen.getByText('3 online')).toBeInTheDocument();

    socket.receive('presence', { online: 4 });
    expect(screen.getByText('4 online')).toBeInTheDocument();
  });

  it('shows who is typing until they stop, send, or go quiet', () => {
    jest.useFakeTimers();
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome());

    socket.receive('typing', { name: 'Ada', typing: true });
    expect(screen.getByText('Ada is typing…')).toBeInTheDocument();
    socket.receive('typing', { name: 'Bo', typing: true });
    expect(screen.getByText('Ada and Bo are typing…')).toBeInTheDocument();

    socket.receive('typing', { name: 'Bo', typing: false });
    expect(screen.getByText('Ada is typing…')).toBeInTheDocument();

    socket.receive('message', chatMessage({ author: 'Ada' }));
    expect(screen.queryByText(/is typing/)).not.toBeInTheDocument();

    socket.receive('typing', { name: 'Cy', typing: true });
    act(() => {
      jest.advanceTimersByTime(TYPING_EXPIRY_MS);
    });
    expect(screen.queryByText(/is typing/)).not.toBeInTheDocument();
  });

  it('sends the remembered name in the first handshake', () => {
    localStorage.setItem('live-counter.name', 'Bo');
    const { socket } = renderApp();
    expect(socket.auth).toEqual({ name: 'Bo' });
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Bo');
  });
});
