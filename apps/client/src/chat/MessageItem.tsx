import { ConfirmAction } from '../moderation/ConfirmAction';
import { Avatar } from '../presence/Avatar';
import { clockTime, fullDateTime } from '../time/clock';
import { MessageEditor } from './MessageEditor';
import { messageExcerpt } from './messageExcerpt';
import { MessageText } from './MessageText';
import type { LoggedMessage } from './messageLog';
import type { MessageEditing } from './useMessageEditor';

export interface MessageItemProps {
  message: LoggedMessage;
  /** The first of a run by one author: shows who and when. */
  first: boolean;
  /** Ours (by identity). */
  mine: boolean;
  /** We may still edit and delete it (ours, within the edit window or as a moderator). */
  changeable: boolean;
  /** We are a moderator: someone else's message may be deleted too, after confirming. */
  moderator: boolean;
  connected: boolean;
  editing: MessageEditing;
  onDelete: (id: string) => void;
}

/** One stored message: who and when, its text (or its editor), "edited", and what we may do. */
export function MessageItem(props: MessageItemProps) {
  const { message, first, mine, changeable, moderator, connected, editing, onDelete } = props;
  if (message.deleted) {
    return (
      <li className="message deleted first">
        <p className="text">Message deleted</p>
      </li>
    );
  }
  const isEditing = editing.id === message.id;
  const excerpt = messageExcerpt(message.text);

  return (
    <li className={`message${first ? ' first' : ''}${mine ? ' mine' : ''}`}>
      <p className={first ? 'meta' : 'meta visually-hidden'}>
        <Avatar identityId={message.authorId} name={message.author} />{' '}
        <bdi className="author">{message.author}</bdi>{' '}
        <time dateTime={message.sentAt} title={fullDateTime(message.sentAt)}>
          {clockTime(message.sentAt)}
        </time>
      </p>
      {isEditing ? (
        <MessageEditor
          message={message}
          saving={editing.saving}
          error={editing.error}
          onSave={(text) => void editing.save(message.id, text)}
          onCancel={editing.cancel}
        />
      ) : (
        <MessageText text={message.text} />
      )}
      {message.editedAt && !isEditing && (
        <p className="edited">
          edited{' '}
          <time dateTime={message.editedAt} title={fullDateTime(message.editedAt)}>
            {clockTime(message.editedAt)}
          </time>
        </p>
      )}
      {changeable && (
        <p className="actions">
          {/* Stays while the editor is open (it closes it too), so focus can come back to it. */}
          <button
            type="button"
            onClick={() => (isEditing ? editing.cancel() : editing.start(message.id))}
            disabled={!connected}
            aria-expanded={isEditing}
            aria-label={`Edit your message “${excerpt}”`}
          >
            Edit
          </button>
          <button
            type="button"
            onClick={() => onDelete(message.id)}
            disabled={!connected}
            aria-label={`Delete your message “${excerpt}”`}
          >
            Delete
          </button>
        </p>
      )}
      {moderator && !mine && (
        <p className="actions">
          <ConfirmAction
            label={`Delete ${message.author}’s message “${excerpt}”`}
            question={`Delete ${message.author}’s message for everyone?`}
            onConfirm={() => onDelete(message.id)}
            disabled={!connected}
          >
            Delete
          </ConfirmAction>
        </p>
      )}
    </li>
  );
}
