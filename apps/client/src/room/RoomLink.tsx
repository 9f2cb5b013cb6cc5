import type { MouseEvent, ReactNode } from 'react';
import { openPath } from './addressBar';
import { pathOfRoom } from './roomPath';

export interface RoomLinkProps {
  room: string;
  /** This is the room open now (`aria-current`). */
  current?: boolean;
  /** After a move to the room (a plain click), as a menu closes. */
  onOpen?: () => void;
  children: ReactNode;
}

/**
 * A link to a room that moves there without loading the page again; a click meant for a new
 * tab or window (a modifier key, the middle button) is left to the browser.
 */
export function RoomLink({ room, current, onOpen, children }: RoomLinkProps) {
  const path = pathOfRoom(room);
  const open = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    if (!current) openPath(path);
    onOpen?.();
  };
  return (
    <a href={path} aria-current={current ? 'page' : undefined} onClick={open}>
      {children}
    </a>
  );
}
