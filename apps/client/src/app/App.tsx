import { LOBBY } from '@live/shared-events';
import { useCallback, useState, type Ref } from 'react';
import { Chat } from '../chat/Chat';
import { useUnreadTitle } from '../chat/useUnreadTitle';
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
import { NoSuchRoom } from '../room/NoSuchRoom';
import { RoomBar } from '../room/RoomBar';
import { RoomHeading } from '../room/RoomHeading';
import { useFocusOnMove } from '../room/useFocusOnMove';
import { useRoomPlace } from '../room/useRoomPlace';
import { SocketProvider } from '../socket/SocketProvider';
import { useSocket } from '../socket/useSocket';
import type { LiveSocket } from '../socket/liveSocket';
import { ConnectionBanner } from './ConnectionBanner';

export interface AppProps {
  /** Tests pass a fake socket; the app makes a real one. */
  createSocket?: () => LiveSocket;
}

export function App({ createSocket }: AppProps) {
  // `/` is the lobby, `/r/<slug>` a room; an address that names none connects nowhere.
  const { room } = useRoomPlace();
  const heading = useFocusOnMove<HTMLHeadingElement>(room);
  const [name, setName] = useStoredName();
  // Moderators open the page as /#token=… once; see docs/security.md.
  const [token, setToken] = useState(() => readModeratorToken());
  const dropToken = useCallback(() => {
    forgetModeratorToken();
    setToken(undefined);
  }, []);
  return (
    <I18nProvider>
      {room === null ? (
        <NoSuchRoom headingRef={heading} />
      ) : (
        <SocketProvider
          name={name}
          token={token}
          room={room}
          onNameChange={setName}
          onTokenRefused={dropToken}
          createSocket={createSocket}
        >
          {/* Mounted again in another room: its count, chat, people and mutes start afresh. */}
          <ModerationProvider key={room}>
            <Layout name={name} room={room} headingRef={heading} />
          </ModerationProvider>
        </SocketProvider>
      )}
    </I18nProvider>
  );
}

interface LayoutProps {
  name?: string;
  room: string;
  headingRef: Ref<HTMLHeadingElement>;
}

function Layout({ name, room, headingRef }: LayoutProps) {
  const { online, typists } = usePresence();
  const people = usePeople();
  const { status } = useSocket();
  const { t } = useI18n();
  useUnreadTitle(room === LOBBY ? t('Live counter') : t('{room} · Live', { room }));
  return (
    <>
      <ConnectionBanner />
      <header className="top">
        <RoomHeading room={room} ref={headingRef} />
        <OnlineCount online={online} connected={status === 'connected'} />
        <YouAre />
        <NamePicker name={name} />
        <LanguageSwitcher />
        <RoomBar room={room} />
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
