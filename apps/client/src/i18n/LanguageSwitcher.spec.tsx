import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { welcome } from '../testing/fakeSocket';
import { inFrench } from '../testing/inFrench';
import { renderApp } from '../testing/renderApp';

const switcher = () => screen.getByRole('group', { name: /^(Language|Langue)$/ });
const option = (name: 'English' | 'Français') => screen.getByRole('button', { name });

function connectedApp() {
  const rendered = renderApp();
  rendered.socket.serverConnect();
  rendered.socket.receive('welcome', welcome({ online: 2 }));
  return rendered;
}

afterEach(() => jest.restoreAllMocks());

describe('the language', () => {
  it('is English by default, with <html lang="en">', () => {
    connectedApp();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('heading', { name: 'Live counter' })).toBeInTheDocument();
    expect(option('English')).toHaveAttribute('aria-pressed', 'true');
    expect(option('Français')).toHaveAttribute('aria-pressed', 'false');
  });

  it('follows the browser: French for a reader who prefers fr-CA', async () => {
    jest.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CA', 'en']);
    connectedApp();
    expect(await screen.findByRole('heading', { name: 'Compteur en direct' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('2 en ligne')).toBeInTheDocument();
  });

  it('switches with the switcher, each language named in its own (lang) and remembered', async () => {
    const first = connectedApp();
    expect(option('Français')).toHaveAttribute('lang', 'fr');
    await userEvent.click(option('Français'));

    expect(await screen.findByRole('heading', { name: 'Compteur en direct' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
    expect(switcher()).toHaveAccessibleName('Langue');
    expect(option('Français')).toHaveAttribute('aria-pressed', 'true');
    expect(document.title).toBe('Compteur en direct');

    // The next visit starts in French at once.
    first.unmount();
    connectedApp();
    expect(screen.getByRole('heading', { name: 'Compteur en direct' })).toBeInTheDocument();

    await userEvent.click(option('English'));
    expect(screen.getByRole('heading', { name: 'Live counter' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(localStorage.getItem('live-counter.language')).toBe('en');
  });

  it('re-words what is already shown, a refusal included, when switched', async () => {
    await inFrench();
    const { socket } = renderApp();
    await socket.drop('ping timeout');
    const banner = () => document.querySelector('.banner') as HTMLElement;
    expect(banner()).toHaveTextContent('Reconnexion… Le serveur ne répond plus.');

    await userEvent.click(option('English'));
    expect(banner()).toHaveTextContent('Reconnecting… The server stopped answering.');
  });
});
