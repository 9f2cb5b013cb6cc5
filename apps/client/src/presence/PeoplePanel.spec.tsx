import type { Person } from '@live/shared-events';
import { screen, within } from '@testing-library/react';
import { identityId, welcome } from '../testing/fakeSocket';
import { inFrench } from '../testing/inFrench';
import { renderApp } from '../testing/renderApp';

const list = () => screen.getByRole('list', { name: 'People here' });
const names = () =>
  within(list())
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.person-name')?.textContent);
const avatarOf = (item: HTMLElement) => item.querySelector('.avatar') as HTMLElement;

const me: Person = { id: identityId('me'), name: 'Me' };
const ada: Person = { id: identityId('ada'), name: 'Ada' };
const bo: Person = { id: identityId('bo'), name: 'Bo', moderator: true };

function connectedWith(people: Person[], total = people.length) {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive(
    'welcome',
    welcome({ you: { id: 's1', name: me.name, userId: me.id }, people: { people, total } }),
  );
  return rendered;
}

describe('the people panel', () => {
  it('lists who is here in a named list that is not a live region', () => {
    connectedWith([me, ada, bo]);
    expect(names()).toEqual(['Me', 'Ada', 'Bo']);
    expect(list()).not.toHaveAttribute('aria-live');
    expect(list().closest('[aria-live]')).toBeNull();
  });

  it('marks you and moderators in words', () => {
    connectedWith([me, ada, bo]);
    const [mine, adas, bos] = within(list()).getAllByRole('listitem');
    expect(mine).toHaveTextContent(/^M Me you$/);
    expect(adas).toHaveTextContent(/^A Ada$/);
    expect(bos).toHaveTextContent(/^B Bo moderator$/);
  });

  it('gives each person a colour from their identity, so namesakes do not look alike', () => {
    const otherAda: Person = { id: identityId('ada-the-second'), name: 'Ada' };
    connectedWith([ada, otherAda]);
    const [first, second] = within(list()).getAllByRole('listitem').map(avatarOf);

    expect(first).toHaveTextContent('A');
    expect(first).toHaveAttribute('aria-hidden', 'true');
    expect(first.style.getPropertyValue('--hue')).not.toBe('');
    expect(first.style.getPropertyValue('--hue')).not.toBe(second.style.getPropertyValue('--hue'));
  });

  it('follows joins, leaves and renames, and shows how many more are here than listed', () => {
    const { socket } = connectedWith([me, ada], 105);
    expect(screen.getByText('+ 103 more')).toBeInTheDocument();
    const adasHue = avatarOf(within(list()).getAllByRole('listitem')[1]).style.getPropertyValue(
      '--hue',
    );

    socket.receive('people', {
      joined: [bo],
      left: [],
      renamed: [{ ...ada, name: 'Ada L.', from: 'Ada' }],
      total: 106,
    });
    expect(names()).toEqual(['Me', 'Ada L.', 'Bo']);
    expect(screen.getByText('+ 103 more')).toBeInTheDocument();
    // Renamed, the same person: the same colour, new initials.
    const renamed = avatarOf(within(list()).getAllByRole('listitem')[1]);
    expect(renamed.style.getPropertyValue('--hue')).toBe(adasHue);
    expect(renamed).toHaveTextContent('AL');

    socket.receive('people', { joined: [], left: [ada.id], renamed: [], total: 3 });
    expect(names()).toEqual(['Me', 'Bo']);
    expect(screen.getByText('+ 1 more')).toBeInTheDocument();

    socket.receive('people', { joined: [], left: [], renamed: [], total: 2 });
    expect(screen.queryByText(/more$/)).toBeNull();
  });

  it('lists someone who joins twice (another tab) once', () => {
    const { socket } = connectedWith([me, ada]);
    socket.receive('people', { joined: [ada], left: [], renamed: [], total: 2 });
    expect(names()).toEqual(['Me', 'Ada']);
  });
});

describe('the people panel in French', () => {
  beforeEach(inFrench);

  it('is headed and marks you and moderators in French', () => {
    connectedWith([me, bo]);
    expect(screen.getByRole('list', { name: 'Personnes présentes' })).toBeInTheDocument();
    const [mine, bos] = within(
      screen.getByRole('list', { name: 'Personnes présentes' }),
    ).getAllByRole('listitem');
    expect(mine).toHaveTextContent(/^M Me vous$/);
    expect(bos).toHaveTextContent(/^B Bo modérateur$/);
  });

  it('says how many more are here with the French plural', () => {
    const { socket } = connectedWith([me, ada], 3);
    expect(screen.getByText('+ 1 autre')).toBeInTheDocument();
    socket.receive('people', { joined: [], left: [], renamed: [], total: 5 });
    expect(screen.getByText('+ 3 autres')).toBeInTheDocument();
  });

  it('counts who is online: 1 en ligne, 2 en ligne', () => {
    const { socket } = connectedWith([me]);
    socket.receive('presence', { online: 1 });
    expect(screen.getByText('1 en ligne')).toBeInTheDocument();
    socket.receive('presence', { online: 2 });
    expect(screen.getByText('2 en ligne')).toBeInTheDocument();
  });
});
