import type { ChatMessage } from '@live/shared-events';
import { useCallback, useRef, useState } from 'react';
import type { Text } from '../i18n/catalogue';
import { describeFailure } from '../socket/describeFailure';
import { useSocket } from '../socket/useSocket';

/** The one message being edited in place, and how saving it went. */
export interface MessageEditing {
  /** The message being edited; null when none is. */
  id: string | null;
  saving: boolean;
  /** Why the last save was refused; the editor stays open to try again or cancel. */
  error: Text | null;
  start: (id: string) => void;
  save: (id: string, text: string) => Promise<void>;
  cancel: () => void;
}

/**
 * Edits one of our messages with `message:edit`; `onEdited` puts in the stored result. Focus
 * goes back where it was when editing began (the Edit button, or the composer after Up).
 */
export function useMessageEditor(onEdited: (message: ChatMessage) => void): MessageEditing {
  const { emitWithAck } = useSocket();
  const [id, setId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Text | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const start = useCallback((next: string) => {
    const focused = document.activeElement;
    returnFocus.current = focused instanceof HTMLElement ? focused : null;
    setId(next);
    setError(null);
  }, []);

  const cancel = useCallback(() => {
    setId(null);
    setError(null);
    returnFocus.current?.focus();
  }, []);

  const save = useCallback(
    async (editedId: string, text: string) => {
      setSaving(true);
      const result = await emitWithAck('message:edit', { id: editedId, text });
      setSaving(false);
      if (!result.ok) return setError(describeFailure(result.error));
      onEdited(result.message);
      cancel();
    },
    [emitWithAck, onEdited, cancel],
  );

  return { id, saving, error, start, save, cancel };
}
