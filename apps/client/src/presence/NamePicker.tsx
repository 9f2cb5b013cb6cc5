import { LIMITS } from '@live/shared-events';
import { useState, type FormEvent } from 'react';

export interface NamePickerProps {
  /** The picked name; undefined while a guest. */
  name: string | undefined;
  /** The name the server knows us by (a guest name until one is picked). */
  me: string | null;
  onChange: (name: string) => void;
}

/** Pick a display name; an empty one goes back to a guest name. */
export function NamePicker({ name, me, onChange }: NamePickerProps) {
  const [draft, setDraft] = useState(name ?? '');
  const unchanged = draft.trim() === (name ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!unchanged) onChange(draft);
  };

  return (
    <form className="name-picker" onSubmit={submit}>
      <label htmlFor="name">Name</label>
      <input
        id="name"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        maxLength={LIMITS.nameMaxLength}
        placeholder={me ?? 'Guest'}
        autoComplete="nickname"
        spellCheck={false}
      />
      <button type="submit" disabled={unchanged}>
        Save
      </button>
    </form>
  );
}
