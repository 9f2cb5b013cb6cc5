import { LIMITS } from '@live/shared-events';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Text } from '../i18n/catalogue';
import { useI18n } from '../i18n/useI18n';
import type { LoggedMessage } from './messageLog';

export interface MessageEditorProps {
  message: LoggedMessage;
  saving: boolean;
  error: Text | null;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** Edits a message in place: Enter saves, Shift+Enter starts a new line, Escape cancels. */
export function MessageEditor({ message, saving, error, onSave, onCancel }: MessageEditorProps) {
  const { t, say } = useI18n();
  const [text, setText] = useState(message.text);
  const field = useRef<HTMLTextAreaElement>(null);
  const trimmed = text.trim();

  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!trimmed || saving) return;
    // Nothing changed: no request, and no "edited" on a message that was not.
    if (trimmed === message.text) onCancel();
    else onSave(trimmed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="editor" onSubmit={submit}>
      <label htmlFor="edit-message" className="visually-hidden">
        {t('Edit your message')}
      </label>
      <textarea
        id="edit-message"
        ref={field}
        rows={2}
        value={text}
        maxLength={LIMITS.messageMaxLength}
        aria-describedby="edit-hint"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="editor-footer">
        <button type="submit" disabled={!trimmed || saving}>
          {t('Save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('Cancel')}
        </button>
        <span id="edit-hint" className="hint">
          {t('Enter saves, Escape cancels')}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('Not saved: {reason}', { reason: say(error) })}
        </p>
      )}
    </form>
  );
}
