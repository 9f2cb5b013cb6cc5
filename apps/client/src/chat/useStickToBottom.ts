import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Closer to the bottom than this counts as reading the latest messages. */
const BOTTOM_SLACK_PX = 48;

/**
 * Keeps a scrolling list pinned to its newest item while the reader is at the bottom; when they
 * have scrolled up, leaves them there and reports `unseen` instead. A new `ownKey` (the reader
 * just sent something) always scrolls down. Keeps the view still when older items are added on top,
 * and pinned when what is shown grows or shrinks in place (an edited or deleted message).
 */
export function useStickToBottom<T extends HTMLElement>(
  firstKey: string | undefined,
  lastKey: string | undefined,
  ownKey: string | undefined,
) {
  const ref = useRef<T>(null);
  const atBottom = useRef(true);
  const previous = useRef({ firstKey, lastKey, ownKey, scrollHeight: 0 });
  const [unseen, setUnseen] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const before = previous.current;
    if (lastKey !== before.lastKey) {
      if (atBottom.current || (ownKey !== undefined && ownKey !== before.ownKey)) {
        el.scrollTop = el.scrollHeight;
        atBottom.current = true;
      } else {
        setUnseen(true);
      }
    } else if (firstKey !== before.firstKey) {
      el.scrollTop += el.scrollHeight - before.scrollHeight;
    }
    previous.current = { firstKey, lastKey, ownKey, scrollHeight: el.scrollHeight };
  }, [firstKey, lastKey, ownKey]);

  useEffect(() => {
    const list = ref.current?.firstElementChild;
    // Absent in jsdom only: every browser the app supports has it.
    if (!list || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current && ref.current) ref.current.scrollTop = ref.current.scrollHeight;
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
    if (atBottom.current) setUnseen(false);
  }, []);

  const scrollToBottom = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setUnseen(false);
  }, []);

  return { ref, onScroll, unseen, scrollToBottom };
}
