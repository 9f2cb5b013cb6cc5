import { useModeration } from '../moderation/useModeration';
import { TypingIndicator } from '../presence/TypingIndicator';
import { useSocket } from '../socket/useSocket';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { useChat } from './useChat';

export interface ChatProps {
  me: string | null;
  typists: string[];
}

export function Chat({ me, typists }: ChatProps) {
  const { status } = useSocket();
  const chat = useChat();
  const moderation = useModeration();
  const connected = status === 'connected';

  return (
    <section className="card chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Chat</h2>
      <MessageList
        messages={chat.messages}
        outbox={chat.outbox}
        me={me}
        connected={connected}
        hasOlder={chat.hasOlder}
        loadingOlder={chat.loadingOlder}
        onLoadOlder={() => void chat.loadOlder()}
        onRetry={chat.retry}
        onDelete={
          moderation.isModerator ? (id: string) => void moderation.deleteMessage(id) : undefined
        }
      />
      {moderation.deleteError && (
        <p className="note" role="alert">
          Not deleted: {moderation.deleteError}
        </p>
      )}
      <TypingIndicator typists={typists} />
      <Composer
        connected={connected}
        error={chat.error}
        onSend={chat.send}
        onTyping={chat.typing}
      />
    </section>
  );
}
