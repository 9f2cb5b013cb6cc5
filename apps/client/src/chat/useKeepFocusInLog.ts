import { useLayoutEffect, type RefObject } from 'react';

/**
 * When what had focus in the message list goes away (a deleted message's buttons, "Load older
 * messages" once there are no more), focus goes to the log instead of back to the page's start.
 */
export function useKeepFocusInLog(log: RefObject<HTMLElement | null>, list: string): void {
  // Read while rendering, before this update removes anything.
  const focusWasInList = document.activeElement?.closest(list) != null;
  useLayoutEffect(() => {
    if (focusWasInList && document.activeElement === document.body) log.current?.focus();
  });
}
