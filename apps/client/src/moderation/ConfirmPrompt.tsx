import { useI18n } from '../i18n/useI18n';
import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface ConfirmPromptProps {
  /** "Delete Spammer’s message?": also the group's accessible name. */
  question: string;
  onYes: () => void;
  onNo: () => void;
}

/** "Are you sure?" inline, in place of the control that asked: Yes, No, or Escape for no. */
export function ConfirmPrompt({ question, onYes, onNo }: ConfirmPromptProps) {
  const { t } = useI18n();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onNo();
  };

  return (
    <span className="confirm" role="group" aria-label={question} onKeyDown={onKeyDown}>
      <span>{question}</span>
      <button type="button" ref={yes} className="danger" onClick={onYes}>
        {t('Yes')}
      </button>
      <button type="button" onClick={onNo}>
        {t('No')}
      </button>
    </span>
  );
}
