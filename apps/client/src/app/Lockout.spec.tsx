import { screen, within } from '@testing-library/react';
import { welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { invalidModeratorToken, invalidNameAtConnect } from '../testing/serverRefusals';

const NAME_RULE = 'Name must not contain control or bidirectional-override characters';

describe('a refused handshake never locks the person out', () => {
  it('drops a refused moderator token, says so, and connects without it', () => {
    window.history.replaceState(null, '', '/#token=wrong');
    const { socket } = renderApp();
    expect(socket.auth).toEqual({ token: 'wrong' });

    socket.refuseHandshake(invalidModeratorToken());
    expect(socket.auth).toEqual({});
    expect(socket.active).toBe(true);
    expect(socket.connectCalls).toBe(2);
    expect(sessionStorage.getItem('live-counter.moderator-token')).toBeNull();
    expect(screen.queryByText('Offline.')).not.toBeInTheDocument();

    socket.serverConnect();
    socket.receive('welcome', welcome({ online: 2 }));
    expect(
      screen.getByText('That moderator token was refused; you are connected without it.'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 online')).toBeInTheDocument();
  });

  it('says a refused name at the name field, forgets it and connects without it', () => {
    localStorage.setItem('live-counter.name', 'bad\u202Ename');
    const { socket } = renderApp();
    expect(socket.auth).toEqual({ name: 'bad\u202Ename' });

    socket.refuseHandshake(invalidNameAtConnect(NAME_RULE));
    expect(socket.auth).toEqual({});
    expect(socket.active).toBe(true);
    expect(localStorage.getItem('live-counter.name')).toBeNull();
    const field = screen.getByRole('textbox', { name: 'Name' });
    expect(field).toHaveAccessibleDescription(NAME_RULE);
    expect(within(field.closest('form') as HTMLElement).getByText(NAME_RULE)).toBeInTheDocument();
    expect(screen.queryByText('Offline.')).not.toBeInTheDocument();

    socket.serverConnect();
    socket.receive('welcome', welcome());
    expect(screen.getByText(NAME_RULE)).toBeInTheDocument();
  });
});
