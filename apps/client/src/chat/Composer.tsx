import { LIMITS } from '@live/shared-events';
import { useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { Text } from '../i18n/catalogue';
import { useI18n } from '../i18n/useI18n';
import { mutedUntilMessage } from '../socket/describeFailure';

export interface ComposerProps {
  connected: boolean;
  /** The server's last refusal (validation, rate limit with the wait). */
  error: Text | null;
  /** Until when we are muted (epoch ms), while we are; null otherwise. */
  mutedUntil: number | null;
  onSend: (text: string) => void;
  onTyping: (typing: boolean) => void;
  /** Up in an empty composer: edit our last message. False when there is none to edit. */
  onEditLast: () => boolean;
}

/** Write a message: Enter sends, Shift+Enter starts a new line, Up (when empty) edits the last. */
export function Composer(props: ComposerProps) {
  const { connected, error, mutedUntil, onSend, onTyping, onEditLast } = props;
  const { t, say } = useI18n();
  const [text, setText] = useState('');
  // The browser cuts a paste to maxLength without a word: we say so while the text is that long.
  const [pasteCut, setPasteCut] = useState(false);
  const max = LIMITS.messageMaxLength;
  const empty = text.trim() === '';
  const muted = mutedUntil !== null;
  const offlineHint = !error && !muted && !connected;
  // Only lines that are there: a description naming a missing id is read as nothing, or wrongly.
  const describedBy = ['message-length', offlineHint && 'message-hint', muted && 'message-muted'];

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (empty || muted) return;
    onSend(text.trim());
    onTyping(false);
    setText('');
    setPasteCut(false);
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const field = event.currentTarget;
    const kept = field.value.length - (field.selectionEnd - field.selectionStart);
    setPasteCut(kept + event.clipboardData.getData('text').length > max);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter also confirms an IME composition (Japanese, Chinese …), not a send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'ArrowUp' && text === '' && !hasModifier(event) && onEditLast()) {
      event.preventDefault();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor="message" className="visually-hidden">
        {t('Message')}
      </label>
      <textarea
        id="message"
        rows={2}
        value={text}
        maxLength={max}
        placeholder={t('Write a message…')}
        dir="auto"
        aria-describedby={describedBy.filter(Boolean).join(' ')}
        disabled={muted}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.length < max) setPasteCut(false);
          onTyping(event.target.value.trim() !== '');
        }}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
        onBlur={() => onTyping(false)}
      />
      <button type="submit" disabled={empty || muted}>
        {t('Send')}
      </button>
      <div className="composer-footer">
        {/* The mute says it once; the refusal that may have told us is the same sentence. */}
        <p id="message-muted" className="error" role="status">
          {muted && say(mutedUntilMessage(mutedUntil))}
        </p>
        <p className="error" role="alert">
          {!muted && error && say(error)}
        </p>
        {offlineHint && (
          <p id="message-hint" className="hint">
            {t('Offline: messages are kept and sent once the connection is back.')}
          </p>
        )}
        <p className="error" role="status">
          {pasteCut && t('Cut to {count} characters', { count: max })}
        </p>
        <p id="message-length" className={pasteCut ? 'length over' : 'length'}>
          {t('{length}/{max}', { length: text.length, max })}
        </p>
      </div>
    </form>
  );
}

const hasModifier = (event: KeyboardEvent) =>
  event.shiftKey || event.altKey || event.ctrlKey || event.metaKey;
