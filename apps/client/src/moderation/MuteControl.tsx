import type { Person } from '@live/shared-events';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ConfirmPrompt } from './ConfirmPrompt';
import { useModeration } from './useModeration';
import { useRefocusOnClose } from './useRefocusOnClose';

/** The mutes a moderator picks from. */
const DURATIONS = [
  { minutes: 5, label: '5 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 1440, label: '1 day' },
] as const;

type Duration = (typeof DURATIONS)[number];

export interface MuteControlProps {
  person: Person;
  /** Muted now, as far as we know: Unmute is offered too. */
  muted: boolean;
  disabled: boolean;
}

/** Moderators: mute a person for a chosen time (after confirming), or unmute them. */
export function MuteControl({ person, muted, disabled }: MuteControlProps) {
  const { muteUser, unmuteUser, muteError } = useModeration();
  // Closed, choosing how long, or asking to confirm the chosen duration.
  const [step, setStep] = useState<'closed' | 'choosing' | Duration>('closed');
  const opener = useRefocusOnClose<HTMLButtonElement>(step !== 'closed');
  const firstChoice = useRef<HTMLButtonElement>(null);
  const error = muteError?.userId === person.id ? muteError.message : null;

  useEffect(() => {
    if (step === 'choosing') firstChoice.current?.focus();
  }, [step]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setStep('closed');
  };

  return (
    <span className="mute-control">
      {step === 'closed' && (
        <>
          <button
            type="button"
            ref={opener}
            aria-label={`Mute ${person.name}`}
            disabled={disabled}
            onClick={() => setStep('choosing')}
          >
            Mute…
          </button>
          {muted && (
            <button
              type="button"
              aria-label={`Unmute ${person.name}`}
              disabled={disabled}
              onClick={() => void unmuteUser(person.id)}
            >
              Unmute
            </button>
          )}
        </>
      )}
      {step === 'choosing' && (
        <span
          className="confirm"
          role="group"
          aria-label={`Mute ${person.name} for`}
          onKeyDown={closeOnEscape}
        >
          <span>For</span>
          {DURATIONS.map((duration, index) => (
            <button
              type="button"
              key={duration.minutes}
              ref={index === 0 ? firstChoice : undefined}
              onClick={() => setStep(duration)}
            >
              {duration.label}
            </button>
          ))}
          <button type="button" onClick={() => setStep('closed')}>
            Cancel
          </button>
        </span>
      )}
      {typeof step === 'object' && (
        <ConfirmPrompt
          question={`Mute ${person.name} for ${step.label}?`}
          onYes={() => {
            setStep('closed');
            void muteUser(person.id, step.minutes);
          }}
          onNo={() => setStep('closed')}
        />
      )}
      {error && (
        <span className="error" role="alert">
          Not changed: {error}
        </span>
      )}
    </span>
  );
}
