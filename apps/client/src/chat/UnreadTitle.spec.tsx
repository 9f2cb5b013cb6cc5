import { act } from '@testing-library/react';
import { chatMessage, identityId, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';

let visibility: DocumentVisibilityState = 'visible';

function showTab(state: DocumentVisibilityState) {
  visibility = state;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});

afterEach(() => {
  visibility = 'visible';
  document.title = 'Live counter';
});

afterAll(() => {
  delete (document as { visibilityState?: unknown }).visibilityState;
});

function connected() {
  document.title = 'Live counter';
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive('welcome', welcome());
  return rendered;
}

describe('the tab title', () => {
  it('counts messages that arrive while the tab is hidden, once each, and clears when shown', () => {
    const { socket } = connected();
    socket.receive('message', chatMessage());
    expect(document.title).toBe('Live counter');

    showTab('hidden');
    const [first, second, third] = [chatMessage(), chatMessage(), chatMessage()];
    socket.receive('message', first);
    socket.receive('message', second);
    socket.receive('message', second);
    socket.receive('message', third);
    expect(document.title).toBe('(3) Live counter');

    showTab('visible');
    expect(document.title).toBe('Live counter');
  });

  it('does not count our own messages', () => {
    const { socket } = connected();
    showTab('hidden');
    socket.receive('message', chatMessage({ authorId: identityId('guest1') }));
    expect(document.title).toBe('Live counter');
  });
});
