import { useCallback, useState } from 'react';

const STORAGE_KEY = 'live-counter.name';

// Storage can be disabled or full (private windows, strict settings); the name then lasts
// for this page only.
function readName(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The person's name, remembered in localStorage; undefined means "a guest". Only names the
 * server took are saved here (see `SocketProvider`'s `onNameChange`).
 */
export function useStoredName(): [string | undefined, (name: string | undefined) => void] {
  const [name, setName] = useState(readName);
  const save = useCallback((next: string | undefined) => {
    const trimmed = next?.trim() || undefined;
    try {
      if (trimmed) localStorage.setItem(STORAGE_KEY, trimmed);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // See readName.
    }
    setName(trimmed);
  }, []);
  return [name, save];
}
