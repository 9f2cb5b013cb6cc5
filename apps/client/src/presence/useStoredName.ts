import { useCallback, useState } from 'react';
import { storedText } from '../storage/storedText';

const storedName = storedText('live-counter.name');

/**
 * The person's name, remembered in localStorage; undefined means "a guest". Only names the
 * server took are saved here (see `SocketProvider`'s `onNameChange`).
 */
export function useStoredName(): [string | undefined, (name: string | undefined) => void] {
  const [name, setName] = useState(storedName.read);
  const save = useCallback((next: string | undefined) => {
    const trimmed = next?.trim() || undefined;
    storedName.write(trimmed);
    setName(trimmed);
  }, []);
  return [name, save];
}
