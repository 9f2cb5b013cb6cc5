import type { Person } from '@live/shared-events';
import { useI18n } from '../i18n/useI18n';
import { useModeration } from '../moderation/useModeration';
import { TypingIndicator } from '../presence/TypingIndicator';
import { useSocket } from '../socket/useSocket';
import { useNow } from '../time/useNow';
import { useMemo } from 'react';
import { Composer } from './Composer';
import { MentionAlertsToggle } from './MentionAlertsToggle';
import { mentions } from './mentions';
import type { LoggedMessage } from './messageLog';
import { LiveMessages } from './LiveMessages';
import { MessageList } from './MessageList';
import { editWindowEnd, isMine, mayChange } from './ownMessages';
import { useChat } from './useChat';
import { useMentionAlerts } from './useMentionAlerts';
import { useMentionNotifications } from './useMentionNotifications';

export interface ChatProps {
  typists: string[];
  /** Who is here: their names tell a mention of us from one of a longer name. */
  people: Person[];
}

export function Chat({ typists, people }: ChatProps) {
  const { status, you } = useSocket();
  const { t, say } = useI18n();
  const chat = useChat();
  const moderation = useModeration();
  const connected = status === 'connected';
  const names = useMemo(() => people.map((person) => person.name), [people]);
  const alerts = useMentionAlerts();
  useMentionNotifications(alerts.on, names);
  // Never our own: writing "@" and our name is not being called.
  const mentionsYou = (message: LoggedMessage) =>
    you !== null && !isMine(message, you) && mentions(message.text, you.name, names);
  // Re-rendered as an edit window closes or the mute ends, so neither outlasts its time.
  const now = useNow([
    ...chat.messages.filter((m) => isMine(m, you)).map((m) => editWindowEnd(m, you)),
    moderation.mutedUntil ?? 0,
  ]);
  const mutedUntil =
    moderation.mutedUntil !== null && moderation.mutedUntil > now ? moderation.mutedUntil : null;

  const editLast = () => {
    const last = chat.messages.findLast((m) => mayChange(m, you, now));
    if (!last || !connected) return false;
    chat.editing.start(last.id);
    return true;
  };

  return (
    <section className="card chat" aria-labelledby="chat-heading">
      <div className="chat-head">
        <h2 id="chat-heading">{t('Chat')}</h2>
        <MentionAlertsToggle alerts={alerts} />
      </div>
      <MessageList
        messages={chat.messages}
        notices={chat.notices}
        outbox={chat.outbox}
        you={you}
        mentionsYou={mentionsYou}
        now={now}
        connected={connected}
        hasOlder={chat.hasOlder}
        loadingOlder={chat.loadingOlder}
        editing={chat.editing}
        onLoadOlder={() => void chat.loadOlder()}
        onRetry={chat.retry}
        onDelete={(id) => void moderation.deleteMessage(id)}
      />
      <LiveMessages />
      {moderation.deleteError && (
        <p className="note" role="alert">
          {t('Not deleted: {reason}', { reason: say(moderation.deleteError) })}
        </p>
      )}
      <TypingIndicator typists={typists} />
      <Composer
        connected={connected}
        error={chat.error}
        mutedUntil={mutedUntil}
        onSend={chat.send}
        onTyping={chat.typing}
        onEditLast={editLast}
      />
    </section>
  );
}
