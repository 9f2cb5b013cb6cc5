import { render } from '@testing-library/react';
import { App } from '../app/App';
import { FakeSocket } from './fakeSocket';

/** The whole app on a fake socket. */
export function renderApp() {
  const socket = new FakeSocket();
  return { socket, ...render(<App createSocket={() => socket.asSocket()} />) };
}
