import { useCallback, useState } from 'react';
import { Chat } from '../chat/Chat';
import { Counter } from '../counter/Counter';
import { I18nProvider } from '../i18n/I18nProvider';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useI18n } from '../i18n/useI18n';
import { ModerationProvider } from '../moderation/ModerationProvider';
import { forgetModeratorToken, readModeratorToken } from '../moderation/moderatorToken';
import { TokenRefusedNote } from '../moderation/TokenRefusedNote';
import { NamePicker } from '../presence/NamePicker';
import { OnlineCount } from '../presence/OnlineCount';
import { PeoplePanel } from '../presence/PeoplePanel';
import { usePeople } from '../presence/usePeople';
import { usePresence } from '../presence/usePresence';
import { useStoredName } from '../presence/useStoredName';
import { YouAre } from '../presence/YouAre';
import { SocketProvider } from '../socket/SocketProvider';
import { useSocket } from '../socket/useSocket';
import type { LiveSocket } from '../socket/liveSocket';
import { ConnectionBanner } from './ConnectionBanner';

export interface AppProps {
  /** Tests pass a fake socket; the app makes a real one. */
  createSocket?: () => LiveSocket;
}

export function App({ createSocket }: AppProps) {
  const [name, setName] = useStoredName();
  // Moderators open the page as /#token=… once; see docs/security.md.
  const [token, setToken] = useState(() => readModeratorToken());
  const dropToken = useCallback(() => {
    forgetModeratorToken();
    setToken(undefined);
  }, []);
  return (
    <I18nProvider>
      <SocketProvider
        name={name}
        token={token}
        onNameChange={setName}
        onTokenRefused={dropToken}
        createSocket={createSocket}
      >
        <ModerationProvider>
          <Layout name={name} />
        </ModerationProvider>
      </SocketProvider>
    </I18nProvider>
  );
}

function Layout({ name }: { name?: string }) {
  const { online, typists } = usePresence();
  const people = usePeople();
  const { status } = useSocket();
  const { t } = useI18n();
  return (
    <>
      <ConnectionBanner />
      <header className="top">
        <h1>{t('Live counter')}</h1>
        <OnlineCount online={online} connected={status === 'connected'} />
        <YouAre />
        <NamePicker name={name} />
        <LanguageSwitcher />
      </header>
      <TokenRefusedNote />
      <main className="panels">
        <div className="side">
          <Counter />
          <PeoplePanel {...people} />
        </div>
        <Chat typists={typists} people={people.people} />
      </main>
    </>
  );
}
