import type { Person } from '@live/shared-events';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/useI18n';
import { ConfirmPrompt } from './ConfirmPrompt';
import { useModeration } from './useModeration';
import { useRefocusOnClose } from './useRefocusOnClose';

/** The mutes a moderator picks from, each worded in its own unit. */
const DURATIONS = [
  { minutes: 5, unit: '{count} minutes', count: 5 },
  { minutes: 60, unit: '{count} hours', count: 1 },
  { minutes: 1440, unit: '{count} days', count: 1 },
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
  const { t, say } = useI18n();
  const label = (duration: Duration) => t(duration.unit, { count: duration.count });
  // Closed, choosing how long, or asking to confirm the chosen duration.
  const [step, setStep] = useState<'closed' | 'choosing' | Duration>('closed');
  const opener = useRefocusOnClose<HTMLButtonElement>(step !== 'closed');
  const firstChoice = useRef<HTMLButtonElement>(null);
  const error = muteError?.userId === person.id ? say(muteError.message) : null;

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
            aria-label={t('Mute {name}', { name: person.name })}
            disabled={disabled}
            onClick={() => setStep('choosing')}
          >
            {t('Mute…')}
          </button>
          {muted && (
            <button
              type="button"
              aria-label={t('Unmute {name}', { name: person.name })}
              disabled={disabled}
              onClick={() => void unmuteUser(person.id)}
            >
              {t('Unmute')}
            </button>
          )}
        </>
      )}
      {step === 'choosing' && (
        <span
          className="confirm"
          role="group"
          aria-label={t('Mute {name} for', { name: person.name })}
          onKeyDown={closeOnEscape}
        >
          <span>{t('For')}</span>
          {DURATIONS.map((duration, index) => (
            <button
              type="button"
              key={duration.minutes}
              ref={index === 0 ? firstChoice : undefined}
              onClick={() => setStep(duration)}
            >
              {label(duration)}
            </button>
          ))}
          <button type="button" onClick={() => setStep('closed')}>
            {t('Cancel')}
          </button>
        </span>
      )}
      {typeof step === 'object' && (
        <ConfirmPrompt
          question={t('Mute {name} for {duration}?', { name: person.name, duration: label(step) })}
          onYes={() => {
            setStep('closed');
            void muteUser(person.id, step.minutes);
          }}
          onNo={() => setStep('closed')}
        />
      )}
      {error && (
        <span className="error" role="alert">
          {t('Not changed: {reason}', { reason: error })}
        </span>
      )}
    </span>
  );
}
