import { Fragment } from 'react';
import type { You } from '../socket/SocketProvider';
import { useI18n } from '../i18n/useI18n';
import { localDay } from '../time/clock';
import { MessageItem } from './MessageItem';
import type { LoggedMessage } from './messageLog';
import type { OutgoingMessage } from './outbox';
import { isMine, mayChange } from './ownMessages';
import { timeline, type TimelineItem } from './timeline';
import type { MessageEditing } from './useMessageEditor';
import type { RenameNotice } from './useRenameNotices';
import { useKeepFocusInLog } from './useKeepFocusInLog';
import { useStickToBottom } from './useStickToBottom';

/** Messages by one author closer together than this share one header. */
const GROUP_WINDOW_MS = 5 * 60_000;

export interface MessageListProps {
  messages: LoggedMessage[];
  notices: RenameNotice[];
  outbox: OutgoingMessage[];
  /** Who we are: tells our messages apart (by identity) and what we may do to them. */
  you: You | null;
  /** The message mentions us (see `mentions`): highlighted and labelled. */
  mentionsYou: (message: LoggedMessage) => boolean;
  /** The time the edit windows are measured against. */
  now: number;
  connected: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  editing: MessageEditing;
  onLoadOlder: () => void;
  onRetry: (id: string) => void;
  onDelete: (id: string) => void;
}

/** A new header after a notice, a deletion, another author or a pause. */
function startsGroup(message: LoggedMessage, previous: TimelineItem | undefined): boolean {
  if (previous?.kind !== 'message' || previous.message.deleted) return true;
  const before = previous.message;
  return (
    before.author !== message.author ||
    before.authorId !== message.authorId ||
    Date.parse(message.sentAt) - Date.parse(before.sentAt) > GROUP_WINDOW_MS
  );
}

/** The messages that begin another day (the reader's) than the message before them. */
function newDays(items: TimelineItem[]): Set<string> {
  const starts = new Set<string>();
  let day: string | undefined;
  for (const item of items) {
    if (item.kind !== 'message') continue;
    const today = localDay(item.message.sentAt);
    if (day !== undefined && today !== day) starts.add(item.message.id);
    day = today;
  }
  return starts;
}

/** The conversation, newest at the bottom; text is always rendered as text, never as HTML. */
export function MessageList(props: MessageListProps) {
  const { messages, notices, outbox, you, now, connected, hasOlder, loadingOlder } = props;
  const { mentionsYou, editing, onLoadOlder, onRetry, onDelete } = props;
  const { t, say, rich, dayDate } = useI18n();
  const items = timeline(messages, notices);
  const dayStarts = newDays(items);
  const { ref, onScroll, unseen, scrollToBottom } = useStickToBottom<HTMLDivElement>(
    messages[0]?.id,
    `${messages.at(-1)?.id}/${outbox.at(-1)?.id}/${notices.at(-1)?.key}`,
    outbox.at(-1)?.id,
  );
  useKeepFocusInLog(ref, '.message-list');

  return (
    <div className="message-list">
      {/* Above the scroller, not in it: a browser scrolls whatever takes focus into view, and
          tabbing past this button would throw the log to its oldest message. */}
      <div className="older">
        {hasOlder ? (
          // aria-disabled while loading, not disabled: a disabled button drops focus.
          <button
            type="button"
            onClick={loadingOlder ? undefined : onLoadOlder}
            disabled={!connected}
            aria-disabled={loadingOlder}
          >
            {loadingOlder ? t('Loading…') : t('Load older messages')}
          </button>
        ) : (
          messages.length > 0 && <span className="hint">{t('This is the start of the chat.')}</span>
        )}
      </div>
      {/* The log is the scroller, not the list (a list keeps its role for its items), and takes
          focus so the keyboard can scroll it when no message has a button in it.
          Not live: LiveMessages speaks what arrives, not the welcome batch or older pages. */}
      <div
        className="scroller"
        ref={ref}
        onScroll={onScroll}
        role="log"
        aria-label={t('Messages')}
        aria-live="off"
        tabIndex={0}
      >
        <ol className="messages">
          {items.map((item, index) =>
            item.kind === 'notice' ? (
              <li key={item.notice.key} className="notice">
                {rich('{from} is now {to}', {
                  from: <bdi>{item.notice.from}</bdi>,
                  to: <bdi>{item.notice.to}</bdi>,
                })}
              </li>
            ) : (
              <Fragment key={item.message.id}>
                {dayStarts.has(item.message.id) && (
                  <li className="day">
                    <time dateTime={localDay(item.message.sentAt)}>
                      {dayDate(item.message.sentAt)}
                    </time>
                  </li>
                )}
                <MessageItem
                  message={item.message}
                  first={
                    startsGroup(item.message, items[index - 1]) || dayStarts.has(item.message.id)
                  }
                  mine={isMine(item.message, you)}
                  mentionsYou={!item.message.deleted && mentionsYou(item.message)}
                  changeable={mayChange(item.message, you, now)}
                  moderator={you?.moderator === true}
                  connected={connected}
                  editing={editing}
                  onDelete={onDelete}
                />
              </Fragment>
            ),
          )}
          {outbox.map((message) => (
            <li key={message.id} className="message mine first outgoing">
              <p className="text" dir="auto">
                {message.text}
              </p>
              {message.failure === null || message.held ? (
                <p className="status">
                  {message.failure
                    ? say(message.failure)
                    : t(connected ? 'Sending…' : 'Waiting for connection…')}
                </p>
              ) : (
                <p className="status failed">
                  {t('Not sent: {reason}', { reason: say(message.failure) })}{' '}
                  <button type="button" onClick={() => onRetry(message.id)} disabled={!connected}>
                    {t('Retry')}
                  </button>
                </p>
              )}
            </li>
          ))}
        </ol>
        {/* Only a welcome tells an empty room from one we have not reached yet. */}
        {you !== null && items.length === 0 && outbox.length === 0 && (
          <p className="empty hint">
            {t(
              'No messages yet. Everyone here shares one counter: each Click +1 adds to it for all. Write below to chat with them, and say hello!',
            )}
          </p>
        )}
      </div>
      {unseen && (
        <button type="button" className="pill" onClick={scrollToBottom}>
          {t('New messages ↓')}
        </button>
      )}
    </div>
  );
}
