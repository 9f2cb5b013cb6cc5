import { act, screen } from '@testing-library/react';
import { chatMessage, welcome } from '../testing/fakeSocket';
import { inFrench } from '../testing/inFrench';
import { renderApp } from '../testing/renderApp';
import { TYPING_EXPIRY_MS } from './usePresence';

/** The typing line (names in it are isolated, so its own text is the words around them). */
const typingLine = () => screen.getByText(/typing…$/);

describe('who is here', () => {
  it('shows how many are online and follows presence', () => {
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome({ online: 3 }));
    expect(screen.getByText('3 online')).toBeInTheDocument();

    socket.receive('presence', { online: 4 });
    expect(screen.getByText('4 online')).toBeInTheDocument();
  });

  it('does not speak the online count at every join and leave', () => {
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome({ online: 3 }));
    expect(screen.getByText('3 online').closest('[aria-live], [role="status"]')).toBeNull();
  });

  it('shows who is typing until they stop, send, or go quiet', () => {
    jest.useFakeTimers();
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome());

    socket.receive('typing', { name: 'Ada', typing: true });
    expect(typingLine()).toHaveTextContent(/^Ada is typing…$/);
    socket.receive('typing', { name: 'Bo', typing: true });
    expect(typingLine()).toHaveTextContent(/^Ada and Bo are typing…$/);

    socket.receive('typing', { name: 'Bo', typing: false });
    expect(typingLine()).toHaveTextContent(/^Ada is typing…$/);

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

describe('who is here, in English plurals', () => {
  it('says 1 online and 2 online', () => {
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome({ online: 1 }));
    expect(screen.getByText('1 online')).toBeInTheDocument();
    socket.receive('presence', { online: 2 });
    expect(screen.getByText('2 online')).toBeInTheDocument();
  });
});

describe('who is typing, in French', () => {
  beforeEach(inFrench);

  it('names one or two typists, and says several past that', () => {
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome());
    socket.receive('typing', { name: 'Ada', typing: true });
    expect(screen.getByText(/écrit…$/)).toHaveTextContent('Ada écrit…');
    socket.receive('typing', { name: 'Bo', typing: true });
    expect(screen.getByText(/écrivent…$/)).toHaveTextContent('Ada et Bo écrivent…');
    socket.receive('typing', { name: 'Cy', typing: true });
    expect(screen.getByText('Plusieurs personnes écrivent…')).toBeInTheDocument();
  });
});
