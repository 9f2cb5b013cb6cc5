import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithSocket, welcome } from '../testing/fakeSocket';
import { rateLimited } from '../testing/serverRefusals';
import { Counter } from './Counter';

function renderConnected(count: number) {
  const rendered = renderWithSocket(<Counter />);
  rendered.socket.serverConnect();
  rendered.socket.receive('welcome', welcome({ count }));
  return rendered;
}

const count = () => screen.getByRole('status', { name: 'Clicks so far' });
const button = () => screen.getByRole('button', { name: /Click/ });

describe('Counter', () => {
  it('shows the count from the welcome and follows broadcasts', () => {
    const { socket } = renderConnected(41);
    expect(count()).toHaveTextContent('41');

    socket.receive('click', 50);
    expect(count()).toHaveTextContent('50');
  });

  it('never goes backwards on a late, lower broadcast', () => {
    const { socket } = renderConnected(10);
    socket.receive('click', 12);
    socket.receive('click', 11);
    expect(count()).toHaveTextContent('12');
  });

  it('takes a lower count from a welcome (after a reset)', async () => {
    const { socket } = renderConnected(10);
    await socket.drop();
    socket.serverConnect();
    socket.receive('welcome', welcome({ count: 0 }));
    expect(count()).toHaveTextContent('0');
  });

  it('counts a click at once and keeps it when the server confirms', async () => {
    const { socket } = renderConnected(5);
    await userEvent.click(button());

    expect(count()).toHaveTextContent('6');
    expect(socket.sent('click')).toEqual([{}]);

    await socket.ack('click', { ok: true, count: 6 });
    expect(count()).toHaveTextContent('6');
  });

  it('rolls a refused click back and says once how long to wait', async () => {
    const { socket } = renderConnected(5);
    await userEvent.click(button());
    expect(count()).toHaveTextContent('6');

    await socket.ack('click', rateLimited('click', 1500));

    expect(count()).toHaveTextContent('5');
    expect(
      screen.getByText('Your click was not counted: You are going too fast; try again in 2 s'),
    ).toBeInTheDocument();
  });

  it('disables the button with a reason while reconnecting', async () => {
    const { socket } = renderConnected(5);
    await socket.drop();
    expect(button()).toBeDisabled();
    expect(button()).toHaveAccessibleDescription('Clicks are paused until the connection is back.');

    socket.serverConnect();
    expect(button()).toBeEnabled();
  });
});
