import { screen } from '@testing-library/react';
import { chatMessage, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';

describe('an outage', () => {
  it('says in words that the server cannot be reached, not the transport’s error', () => {
    const { socket } = renderApp();
    socket.failConnect('xhr poll error');
    expect(screen.queryByText(/xhr poll error/)).not.toBeInTheDocument();
    expect(screen.getByText('Connecting…').parentElement).toHaveTextContent(
      'Can’t reach the server; trying again…',
    );
  });

  it('is “Connecting…” on a first visit that never connected, with no empty-room text', () => {
    const { socket } = renderApp();
    socket.failConnect('xhr poll error');
    socket.failConnect('websocket error');
    expect(screen.getByText('Connecting…')).toBeInTheDocument();
    expect(screen.queryByText('Reconnecting…')).not.toBeInTheDocument();
    expect(screen.queryByText(/^No messages yet\./)).not.toBeInTheDocument();
  });

  it('is “Reconnecting…” once a connection was lost', async () => {
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome());
    expect(screen.getByText(/^No messages yet\./)).toBeInTheDocument();
    await socket.drop();
    socket.failConnect('xhr poll error');
    expect(screen.getByText('Reconnecting…').parentElement).toHaveTextContent(
      'Can’t reach the server; trying again…',
    );
  });

  it('shows the online count as unknown while not connected, and the count again once back', async () => {
    const { socket } = renderApp();
    socket.serverConnect();
    socket.receive('welcome', welcome({ online: 2, messages: [chatMessage()] }));
    expect(screen.getByText('2 online')).toBeInTheDocument();

    await socket.drop();
    expect(screen.queryByText('2 online')).not.toBeInTheDocument();
    expect(screen.getByText('– online')).toHaveClass('stale');

    socket.serverConnect();
    socket.receive('welcome', welcome({ online: 3 }));
    expect(screen.getByText('3 online')).not.toHaveClass('stale');
  });
});
