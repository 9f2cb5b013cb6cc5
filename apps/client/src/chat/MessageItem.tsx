import { useI18n } from '../i18n/useI18n';
import { ConfirmAction } from '../moderation/ConfirmAction';
import { Avatar } from '../presence/Avatar';
import { MessageEditor } from './MessageEditor';
import { messageExcerpt } from './messageExcerpt';
import { MessageText } from './MessageText';
import { MessageTime } from './MessageTime';
import type { LoggedMessage } from './messageLog';
import type { MessageEditing } from './useMessageEditor';

export interface MessageItemProps {
  message: LoggedMessage;
  /** The first of a run by one author: shows who and when. */
  first: boolean;
  /** Ours (by identity). */
  mine: boolean;
  /** Someone mentions us in it: highlighted, and said in words ("mentions you"). */
  mentionsYou: boolean;
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
  const { message, first, mine, mentionsYou, changeable, moderator, connected, editing } = props;
  const { onDelete } = props;
  const { t, rich } = useI18n();
  if (message.deleted) {
    return (
      <li className="message deleted first">
        <p className="text">{t('Message deleted')}</p>
      </li>
    );
  }
  const isEditing = editing.id === message.id;
  const excerpt = messageExcerpt(message.text);

  return (
    <li
      className={`message${first ? ' first' : ''}${mine ? ' mine' : ''}${mentionsYou ? ' mention' : ''}`}
    >
      <p className={first ? 'meta' : 'meta visually-hidden'}>
        <Avatar identityId={message.authorId} name={message.author} />{' '}
        <bdi className="author">{message.author}</bdi>{' '}
        {/* Only a shown time takes focus: one in a visually hidden header would be invisible. */}
        <MessageTime at={message.sentAt} focusable={first} />
      </p>
      {mentionsYou && (
        <p className="mentioned">
          <span className="tag mention-tag">{t('mentions you')}</span>
        </p>
      )}
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
          {rich('edited {time}', {
            time: <MessageTime at={message.editedAt} focusable />,
          })}
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
            aria-label={t('Edit your message “{excerpt}”', { excerpt })}
          >
            {t('Edit')}
          </button>
          <button
            type="button"
            onClick={() => onDelete(message.id)}
            disabled={!connected}
            aria-label={t('Delete your message “{excerpt}”', { excerpt })}
          >
            {t('Delete')}
          </button>
        </p>
      )}
      {moderator && !mine && (
        <p className="actions">
          <ConfirmAction
            label={t('Delete {author}’s message “{excerpt}”', { author: message.author, excerpt })}
            question={t('Delete {author}’s message for everyone?', { author: message.author })}
            onConfirm={() => onDelete(message.id)}
            disabled={!connected}
          >
            {t('Delete')}
          </ConfirmAction>
        </p>
      )}
    </li>
  );
}
