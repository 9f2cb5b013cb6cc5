import { useEffect, useRef } from 'react';

/**
 * A ref for the button that opens something inline (a confirmation, a choice): when it closes,
 * focus goes back to that button rather than to the page's start.
 */
export function useRefocusOnClose<T extends HTMLElement>(open: boolean) {
  const opener = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return opener;
}
