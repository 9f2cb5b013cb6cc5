import { LIMITS } from '@live/shared-events';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useSocket } from '../socket/useSocket';

export interface NamePickerProps {
  /** The person's own name; undefined while a guest. */
  name: string | undefined;
}

/**
 * Pick a display name (an empty one goes back to a guest name). When it is taken, says so here
 * with the free name the server suggests, one click away.
 */
export function NamePicker({ name }: NamePickerProps) {
  const { you, changeName, nameError } = useSocket();
  const { t, say } = useI18n();
  const [draft, setDraft] = useState(name ?? '');
  const [saving, setSaving] = useState(false);
  const unchanged = draft.trim() === (name ?? '');
  const refused = nameError !== null && nameError.name === draft.trim();
  const suggestion = nameError?.suggestion;

  const take = async (next: string) => {
    setDraft(next);
    setSaving(true);
    await changeName(next);
    setSaving(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!unchanged) void take(draft);
  };

  return (
    <form className="name-picker" onSubmit={submit}>
      <label htmlFor="name">{t('Name')}</label>
      <input
        id="name"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        maxLength={LIMITS.nameMaxLength}
        placeholder={you?.name ?? t('Guest')}
        autoComplete="nickname"
        spellCheck={false}
        aria-invalid={refused}
        aria-describedby={nameError ? 'name-error' : undefined}
      />
      <button type="submit" disabled={unchanged || saving}>
        {t('Save')}
      </button>
      {nameError && (
        <p id="name-error" className="name-error">
          <span role="alert">{say(nameError.message)}</span>
          {suggestion !== undefined && (
            <button type="button" onClick={() => void take(suggestion)}>
              {t('Use “{suggestion}”', { suggestion })}
            </button>
          )}
        </p>
      )}
    </form>
  );
}
