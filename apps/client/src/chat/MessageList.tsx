import type { ChatMessage } from '@live/shared-events';
import type { OutgoingMessage } from './outbox';
import { useStickToBottom } from './useStickToBottom';

/** Messages by one author closer together than this share one header. */
const GROUP_WINDOW_MS = 5 * 60_000;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export interface MessageListProps {
  messages: ChatMessage[];
  outbox: OutgoingMessage[];
  /** Our own name, to tell our messages apart. */
  me: string | null;
  connected: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onRetry: (id: string) => void;
  /** Moderators only: shows a delete button on each stored message. */
  onDelete?: (id: string) => void;
}

function startsGroup(message: ChatMessage, previous: ChatMessage | undefined): boolean {
  return (
    !previous ||
    previous.author !== message.author ||
    Date.parse(message.sentAt) - Date.parse(previous.sentAt) > GROUP_WINDOW_MS
  );
}

/** The conversation, newest at the bottom; text is always rendered as text, never as HTML. */
export function MessageList(props: MessageListProps) {
  const {
    messages,
    outbox,
    me,
    connected,
    hasOlder,
    loadingOlder,
    onLoadOlder,
    onRetry,
    onDelete,
  } = props;
  const { ref, onScroll, unseen, scrollToBottom } = useStickToBottom<HTMLDivElement>(
    messages[0]?.id,
    `${messages.at(-1)?.id}/${outbox.at(-1)?.id}`,
    outbox.at(-1)?.id,
  );

  return (
    <div className="message-list">
      <div className="scroller" ref={ref} onScroll={onScroll}>
        <div className="older">
          {hasOlder ? (
            <button type="button" onClick={onLoadOlder} disabled={!connected || loadingOlder}>
              {loadingOlder ? 'Loading…' : 'Load older messages'}
            </button>
          ) : (
            messages.length > 0 && <span className="hint">This is the start of the chat.</span>
          )}
        </div>
        <ol role="log" aria-label="Messages" aria-live="polite" className="messages">
          {messages.map((message, index) => {
            const first = startsGroup(message, messages[index - 1]);
            const time = timeFormat.format(new Date(message.sentAt));
            return (
              <li
                key={message.id}
                className={`message${first ? ' first' : ''}${message.author === me ? ' mine' : ''}`}
              >
                <p className={first ? 'meta' : 'meta visually-hidden'}>
                  <span className="author">{message.author}</span>{' '}
                  <time dateTime={message.sentAt}>{time}</time>
                </p>
                <p className="text">{message.text}</p>
                {onDelete && (
                  <button
                    type="button"
                    className="delete"
                    onClick={() => onDelete(message.id)}
                    disabled={!connected}
                    aria-label={`Delete message from ${message.author}`}
                  >
                    Delete
                  </button>
                )}
              </li>
            );
          })}
          {outbox.map((message) => (
            <li key={message.id} className="message mine first outgoing">
              <p className="text">{message.text}</p>
              {message.failure === null ? (
                <p className="status">{connected ? 'Sending…' : 'Waiting for connection…'}</p>
              ) : (
                <p className="status failed">
                  Not sent: {message.failure}{' '}
                  <button type="button" onClick={() => onRetry(message.id)} disabled={!connected}>
                    Retry
                  </button>
                </p>
              )}
            </li>
          ))}
        </ol>
        {messages.length === 0 && outbox.length === 0 && (
          <p className="empty hint">No messages yet. Say hello!</p>
        )}
      </div>
      {unseen && (
        <button type="button" className="pill" onClick={scrollToBottom}>
          New messages ↓
        </button>
      )}
    </div>
  );
}
