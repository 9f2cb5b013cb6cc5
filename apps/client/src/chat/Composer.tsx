import { LIMITS } from '@live/shared-events';
import { useState, type FormEvent, type KeyboardEvent } from 'react';

export interface ComposerProps {
  connected: boolean;
  /** The server's last refusal (validation, rate limit with the wait). */
  error: string | null;
  onSend: (text: string) => void;
  onTyping: (typing: boolean) => void;
}

/** Write a message: Enter sends, Shift+Enter starts a new line. */
export function Composer({ connected, error, onSend, onTyping }: ComposerProps) {
  const [text, setText] = useState('');
  const empty = text.trim() === '';

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (empty) return;
    onSend(text.trim());
    onTyping(false);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter also confirms an IME composition (Japanese, Chinese …), not a send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor="message" className="visually-hidden">
        Message
      </label>
      <textarea
        id="message"
        rows={2}
        value={text}
        maxLength={LIMITS.messageMaxLength}
        placeholder="Write a message…"
        aria-describedby="message-length message-hint"
        onChange={(event) => {
          setText(event.target.value);
          onTyping(event.target.value.trim() !== '');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => onTyping(false)}
      />
      <button type="submit" disabled={empty}>
        Send
      </button>
      <div className="composer-footer">
        <p className="error" role="alert">
          {error}
        </p>
        {!error && !connected && (
          <p id="message-hint" className="hint">
            Offline: messages are kept and sent once the connection is back.
          </p>
        )}
        <p id="message-length" className="length">
          {text.length}/{LIMITS.messageMaxLength}
        </p>
      </div>
    </form>
  );
}
