import { useModeration } from '../moderation/useModeration';
import { TypingIndicator } from '../presence/TypingIndicator';
import { useSocket } from '../socket/useSocket';
import { useNow } from '../time/useNow';
import { Composer } from './Composer';
import { LiveMessages } from './LiveMessages';
import { MessageList } from './MessageList';
import { editWindowEnd, isMine, mayChange } from './ownMessages';
import { useChat } from './useChat';
import { useUnreadTitle } from './useUnreadTitle';

export interface ChatProps {
  typists: string[];
}

export function Chat({ typists }: ChatProps) {
  const { status, you } = useSocket();
  const chat = useChat();
  const moderation = useModeration();
  const connected = status === 'connected';
  useUnreadTitle();
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
      <h2 id="chat-heading">Chat</h2>
      <MessageList
        messages={chat.messages}
        notices={chat.notices}
        outbox={chat.outbox}
        you={you}
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
          Not deleted: {moderation.deleteError}
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
