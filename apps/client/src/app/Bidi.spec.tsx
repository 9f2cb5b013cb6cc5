import { screen, within } from '@testing-library/react';
import { chatMessage, identityId, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';

// A right-to-left name next to left-to-right words reorders them ("is now" can land between
// its letters) unless it is isolated: every name shown is in a <bdi>, every text finds its
// own direction.
const RTL_NAME = 'عمر';

const isolated = (container: HTMLElement, name: string) =>
  Array.from(container.querySelectorAll('bdi')).some((bdi) => bdi.textContent === name);

function connectedAsRtlName() {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  const you = { id: 's1', name: RTL_NAME, userId: identityId('omar') };
  rendered.socket.receive(
    'welcome',
    welcome({ you, messages: [chatMessage({ author: RTL_NAME, text: 'שלום!' })] }),
  );
  return rendered;
}

const log = () => screen.getByRole('log', { name: 'Messages' });

describe('right-to-left names and text', () => {
  it('gives message text its own direction and isolates the author', () => {
    connectedAsRtlName();
    expect(within(log()).getByText('שלום!')).toHaveAttribute('dir', 'auto');
    expect(isolated(log(), RTL_NAME)).toBe(true);
  });

  it('isolates the name in "You are …" and in the people panel', () => {
    connectedAsRtlName();
    expect(isolated(screen.getByText(/You are/), RTL_NAME)).toBe(true);
    expect(isolated(screen.getByRole('list', { name: 'People here' }), RTL_NAME)).toBe(true);
  });

  it('isolates the names in typing and rename notices', () => {
    const { socket } = connectedAsRtlName();
    socket.receive('typing', { name: 'ليلى', typing: true });
    expect(isolated(screen.getByText(/typing…$/), 'ليلى')).toBe(true);

    socket.receive('people', {
      joined: [],
      left: [],
      renamed: [{ id: identityId('omar'), name: 'Omar', from: RTL_NAME }],
      total: 1,
    });
    const notice = within(log()).getByText(/is now/);
    expect(isolated(notice, RTL_NAME) && isolated(notice, 'Omar')).toBe(true);
  });
});
