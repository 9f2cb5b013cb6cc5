import { useEffect, useRef } from 'react';

/**
 * Focus for the heading (the returned ref) each time the address names another room, as a
 * page load would reset it: the control that moved us is gone with the room it was in. The
 * first room is left alone, so a page opens with focus where the browser puts it.
 */
export function useFocusOnMove<T extends HTMLElement>(room: string | null) {
  const heading = useRef<T>(null);
  const shown = useRef(room);
  useEffect(() => {
    if (shown.current === room) return;
    shown.current = room;
    heading.current?.focus();
  }, [room]);
  return heading;
}
