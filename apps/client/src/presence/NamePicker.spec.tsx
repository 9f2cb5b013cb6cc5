import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { identityId, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';
import { nameTaken, nameTakenAtConnect } from '../testing/serverRefusals';

const nameField = () => screen.getByRole('textbox', { name: 'Name' });
const header = () => screen.getByRole('banner');
const storedName = () => localStorage.getItem('live-counter.name');
const ada = identityId('ada');

async function pick(name: string) {
  await userEvent.clear(nameField());
  await userEvent.type(nameField(), `${name}{Enter}`);
}

function connectedAs(name: string) {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive(
    'welcome',
    welcome({ you: { id: 's1', name, userId: ada }, session: 'ada.1' }),
  );
  return rendered;
}

describe('your name', () => {
  it('is said plainly in the header, as the server knows it', () => {
    connectedAs('Guest 7');
    expect(within(header()).getByText(/You are/)).toHaveTextContent('You are Guest 7');
    expect(nameField()).toHaveAttribute('placeholder', 'Guest 7');
  });

  it('changes on the live connection while connected, and is remembered once the server takes it', async () => {
    const { socket } = connectedAs('Guest 7');

    await pick('Ada');
    expect(socket.sent('user:rename')).toEqual([{ name: 'Ada' }]);
    expect(storedName()).toBeNull();

    await socket.ack('user:rename', { ok: true, name: 'Ada' });
    expect(storedName()).toBe('Ada');
    expect(within(header()).getByText(/You are/)).toHaveTextContent('You are Ada');
    // Reconnects go by the new name, with the same session; this connection stays open.
    expect(socket.auth).toEqual({ name: 'Ada', session: 'ada.1' });
    expect(socket.disconnectCalls).toBe(0);
    expect(socket.connectCalls).toBe(1);
  });

  it('never says “Connecting…” while renamed, even when the broadcast comes before the ack', async () => {
    const { socket } = connectedAs('Guest 7');
    await pick('Bo');
    socket.receive('people', {
      joined: [],
      left: [],
      renamed: [{ id: ada, name: 'Bo', from: 'Guest 7' }],
      total: 1,
    });
    await socket.ack('user:rename', { ok: true, name: 'Bo' });
    expect(screen.queryByText('Connecting…')).not.toBeInTheDocument();
    expect(socket.disconnectCalls).toBe(0);
  });

  it('offers the server’s suggestion when the name is taken, and takes it in one click', async () => {
    const { socket } = connectedAs('Guest 7');
    await pick('Ada');
    await socket.ack('user:rename', nameTaken('Ada', 'Ada 2'));

    expect(screen.getByText('The name “Ada” is taken.')).toHaveAttribute('role', 'alert');
    expect(nameField()).toHaveAttribute('aria-invalid', 'true');
    expect(nameField()).toHaveAccessibleDescription(/The name “Ada” is taken\./);
    expect(storedName()).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Use “Ada 2”' }));
    expect(nameField()).toHaveValue('Ada 2');
    expect(socket.sent('user:rename')).toEqual([{ name: 'Ada' }, { name: 'Ada 2' }]);
    await socket.ack('user:rename', { ok: true, name: 'Ada 2' });

    expect(storedName()).toBe('Ada 2');
    expect(screen.queryByText(/is taken/)).toBeNull();
    expect(within(header()).getByText(/You are/)).toHaveTextContent('You are Ada 2');
  });

  it('follows a rename made in another tab of ours', () => {
    const { socket } = connectedAs('Ada');
    socket.receive('people', {
      joined: [],
      left: [],
      renamed: [{ id: ada, name: 'Ada L.', from: 'Ada' }],
      total: 1,
    });
    expect(within(header()).getByText(/You are/)).toHaveTextContent('You are Ada L.');
    expect(storedName()).toBe('Ada L.');
    expect(socket.auth).toEqual({ name: 'Ada L.', session: 'ada.1' });
  });

  it('taken at connect: says so at the field with the suggestion, and connects as a guest meanwhile', async () => {
    localStorage.setItem('live-counter.name', 'Ada');
    const { socket } = renderApp();
    expect(socket.auth).toEqual({ name: 'Ada' });

    socket.refuseHandshake(nameTakenAtConnect('Ada', 'Ada 2', 'issued.new'));

    // Not locked out: straight back in without the refused name (as the identity the
    // suggestion is kept for), and the name is not kept.
    expect(socket.auth).toEqual({ session: 'issued.new' });
    expect(socket.connectCalls).toBe(2);
    expect(storedName()).toBeNull();
    expect(screen.queryByText('Offline.')).toBeNull();
    expect(screen.getByText('The name “Ada” is taken.')).toHaveAttribute('role', 'alert');
    expect(nameField()).toHaveValue('Ada');

    socket.serverConnect();
    socket.receive('welcome', welcome({ you: { id: 's2', name: 'Guest 12', userId: ada } }));
    expect(within(header()).getByText(/You are/)).toHaveTextContent('You are Guest 12');

    await userEvent.click(screen.getByRole('button', { name: 'Use “Ada 2”' }));
    expect(socket.sent('user:rename')).toEqual([{ name: 'Ada 2' }]);
  });

  it('picked while offline: tried at the next connect, and kept only once the server takes it', async () => {
    const { socket } = connectedAs('Ada');
    await socket.drop();

    await pick('Bo');
    expect(socket.sent('user:rename')).toEqual([]);
    expect(socket.auth).toMatchObject({ name: 'Bo' });
    expect(storedName()).toBeNull();

    socket.serverConnect();
    socket.receive('welcome', welcome({ you: { id: 's2', name: 'Bo', userId: ada } }));
    expect(storedName()).toBe('Bo');
    expect(within(header()).getByText(/You are/)).toHaveTextContent('You are Bo');
  });

  it('picked while offline and refused: back to the last name the server took', async () => {
    localStorage.setItem('live-counter.name', 'Ada');
    const { socket } = connectedAs('Ada');
    await socket.drop();

    await pick('Bo');
    socket.refuseHandshake(nameTakenAtConnect('Bo', 'Bo 3', 'ada.1'));

    expect(socket.auth).toEqual({ name: 'Ada', session: 'ada.1' });
    expect(storedName()).toBe('Ada');
    expect(screen.getByRole('button', { name: 'Use “Bo 3”' })).toBeInTheDocument();
  });

  it('emptied: goes back to a guest name, reconnecting without one', async () => {
    localStorage.setItem('live-counter.name', 'Ada');
    const { socket } = connectedAs('Ada');

    await userEvent.clear(nameField());
    await userEvent.type(nameField(), '{Enter}');

    expect(storedName()).toBeNull();
    expect(socket.auth).toEqual({ session: 'ada.1' });
    expect(socket.disconnectCalls).toBe(1);
    expect(socket.connectCalls).toBe(2);
  });

  it('emptied: never says “Connecting…” while it reconnects for a guest name', async () => {
    localStorage.setItem('live-counter.name', 'Ada');
    const { socket } = connectedAs('Ada');

    await userEvent.clear(nameField());
    await userEvent.type(nameField(), '{Enter}');
    expect(socket.disconnectCalls).toBe(1);
    expect(document.querySelector('.banner')).toBeNull();
    expect(screen.queryByText('Connecting…')).not.toBeInTheDocument();

    socket.serverConnect();
    socket.receive('welcome', welcome({ you: { id: 's2', name: 'Guest 4', userId: ada } }));
    expect(within(header()).getByText(/You are/)).toHaveTextContent('You are Guest 4');
    expect(screen.queryByText('Connecting…')).not.toBeInTheDocument();
  });

  it('emptied: says so when that reconnect fails', async () => {
    localStorage.setItem('live-counter.name', 'Ada');
    const { socket } = connectedAs('Ada');
    await userEvent.clear(nameField());
    await userEvent.type(nameField(), '{Enter}');

    socket.failConnect('xhr poll error');
    expect(screen.getByText('Reconnecting…').parentElement).toHaveTextContent(
      'Can’t reach the server; trying again…',
    );
  });
});
