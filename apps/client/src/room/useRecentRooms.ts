import { useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  recentRoomsIn,
  rememberRoom,
  storedRecentRooms,
  subscribeToRecentRooms,
} from './recentRooms';

/** The rooms visited lately, most recent first, with `room` (the one open now) at the top. */
export function useRecentRooms(room: string): string[] {
  const text = useSyncExternalStore(subscribeToRecentRooms, storedRecentRooms);
  useEffect(() => rememberRoom(room), [room]);
  return useMemo(() => recentRoomsIn(text), [text]);
}
