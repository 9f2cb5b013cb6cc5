import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { currentPath, openPath, subscribeToAddress } from './addressBar';
import { placeOfPath, type RoomPlace } from './roomPath';

/**
 * The room the address names, following back and forward. An address said another way
 * (`/r/Maths-101`, `/r/maths-101/`) is replaced by the room's own, so a copied link is that one.
 */
export function useRoomPlace(): RoomPlace {
  const path = useSyncExternalStore(subscribeToAddress, currentPath);
  const place = useMemo(() => placeOfPath(path), [path]);
  const proper = place.room === null ? path : place.path;
  useEffect(() => {
    if (proper !== path) openPath(proper, { replace: true });
  }, [proper, path]);
  return place;
}
