import { useState } from 'react';
import { Chat } from '../chat/Chat';
import { Counter } from '../counter/Counter';
import { ModerationProvider } from '../moderation/ModerationProvider';
import { readModeratorToken } from '../moderation/moderatorToken';
import { NamePicker } from '../presence/NamePicker';
import { OnlineCount } from '../presence/OnlineCount';
import { usePresence } from '../presence/usePresence';
import { useStoredName } from '../presence/useStoredName';
import { SocketProvider } from '../socket/SocketProvider';
import type { LiveSocket } from '../socket/liveSocket';
import { ConnectionBanner } from './ConnectionBanner';

export interface AppProps {
  /** Tests pass a fake socket; the app makes a real one. */
  createSocket?: () => LiveSocket;
}

export function App({ createSocket }: AppProps) {
  const [name, setName] = useStoredName();
  // Moderators open the page as /#token=… once; see docs/security.md.
  const [token] = useState(() => readModeratorToken());
  return (
    <SocketProvider name={name} token={token} createSocket={createSocket}>
      <ModerationProvider>
        <Layout name={name} onNameChange={setName} />
      </ModerationProvider>
    </SocketProvider>
  );
}

function Layout({ name, onNameChange }: { name?: string; onNameChange: (name: string) => void }) {
  const { online, me, typists } = usePresence();
  return (
    <>
      <ConnectionBanner />
      <header className="top">
        <h1>Live counter</h1>
        <OnlineCount online={online} />
        <NamePicker name={name} me={me} onChange={onNameChange} />
      </header>
      <main className="panels">
        <Counter />
        <Chat me={me} typists={typists} />
      </main>
    </>
  );
}
