import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { FakeSocket, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { tooManyConnections } from '../testing/serverRefusals';
import { settle } from '../testing/settle';
import { App } from './App';

describe('App', () => {
  it('opens one connection in StrictMode', async () => {
    const sockets: FakeSocket[] = [];
    render(
      <StrictMode>
        <App
          createSocket={() => {
            sockets.push(new FakeSocket());
            return sockets[sockets.length - 1].asSocket();
          }}
        />
      </StrictMode>,
    );
    await settle();
    expect(sockets.reduce((n, s) => n + s.connectCalls, 0)).toBe(1);
    expect(sockets.reduce((n, s) => n + s.disconnectCalls, 0)).toBe(0);
  });

  it('shows a banner while not connected, and none once connected', async () => {
    const { socket } = renderApp();
    expect(screen.getByText('Connecting…').closest('[role="alert"]')).toBeInTheDocument();

    socket.serverConnect();
    socket.receive('welcome', welcome());
    expect(screen.queryByText('Connecting…')).not.toBeInTheDocument();

    await socket.drop('ping timeout');
    expect(screen.getByText('Reconnecting…').parentElement).toHaveTextContent(
      'The server stopped answering.',
    );
  });

  it('offers to try again once the server refused the connection', async () => {
    const { socket } = renderApp();
    socket.refuseHandshake(tooManyConnections(100));
    expect(screen.getByText('Offline.').parentElement).toHaveTextContent(
      'Too many connections from your address; close another tab or try later',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(socket.connectCalls).toBe(2);
    expect(screen.getByText('Connecting…')).toBeInTheDocument();
  });

  it('keeps the composer usable offline and says what will happen', async () => {
    const { socket } = renderApp();
    socket.serverConnect();
    await socket.drop();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeEnabled();
    expect(
      screen.getByText('Offline: messages are kept and sent once the connection is back.'),
    ).toBeInTheDocument();
  });
});
