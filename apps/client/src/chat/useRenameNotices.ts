import type { PeopleChange } from '@live/shared-events';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSocketEvent } from '../socket/useSocketEvent';

/** "Ada is now Ada L.", shown once in the chat where it happened. */
export interface RenameNotice {
  key: string;
  /** The name before and after. */
  from: string;
  to: string;
  /** The newest message's seq when it happened: the notice follows that message. */
  afterSeq: number | undefined;
}

/** A notice in the chat for every rename the `people` events report. */
export function useRenameNotices(newestSeq: number | undefined): RenameNotice[] {
  const [notices, setNotices] = useState<RenameNotice[]>([]);
  // Read when a rename arrives; kept current by an effect, as listeners may not read props.
  const newest = useRef(newestSeq);
  const made = useRef(0);
  useEffect(() => {
    newest.current = newestSeq;
  }, [newestSeq]);

  useSocketEvent(
    'people',
    useCallback(({ renamed }: PeopleChange) => {
      if (renamed.length === 0) return;
      const added = renamed.map(({ from, name }) => {
        made.current += 1;
        return {
          key: `rename-${made.current}`,
          from,
          to: name,
          afterSeq: newest.current,
        };
      });
      setNotices((shown) => [...shown, ...added]);
    }, []),
  );

  return notices;
}
