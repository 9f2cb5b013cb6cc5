import { useState, type ReactNode } from 'react';
import { ConfirmPrompt } from './ConfirmPrompt';
import { useRefocusOnClose } from './useRefocusOnClose';

export interface ConfirmActionProps {
  /** The button's text. */
  children: ReactNode;
  /** The button's accessible name, when its text alone does not say what it acts on. */
  label?: string;
  /** Asked before acting. */
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}

/** A button for a moderator action that acts only once the moderator says yes. */
export function ConfirmAction(props: ConfirmActionProps) {
  const { children, label, question, onConfirm, disabled, className } = props;
  const [asking, setAsking] = useState(false);
  const opener = useRefocusOnClose<HTMLButtonElement>(asking);

  if (asking) {
    return (
      <ConfirmPrompt
        question={question}
        onYes={() => {
          setAsking(false);
          onConfirm();
        }}
        onNo={() => setAsking(false)}
      />
    );
  }
  return (
    <button
      type="button"
      ref={opener}
      className={className}
      aria-label={label}
      disabled={disabled}
      onClick={() => setAsking(true)}
    >
      {children}
    </button>
  );
}
