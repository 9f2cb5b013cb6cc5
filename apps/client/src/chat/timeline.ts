import type { LoggedMessage } from './messageLog';
import type { RenameNotice } from './useRenameNotices';

export type TimelineItem =
  { kind: 'message'; message: LoggedMessage } | { kind: 'notice'; notice: RenameNotice };

// Seqs are never negative: a notice from before any message comes first.
const placeOf = (notice: RenameNotice) => notice.afterSeq ?? -1;

/** The messages in seq order, each notice right after the newest message there was when it came. */
export function timeline(messages: LoggedMessage[], notices: RenameNotice[]): TimelineItem[] {
  // A stable sort: notices of one moment keep the order they came in.
  const waiting = [...notices].sort((a, b) => placeOf(a) - placeOf(b));
  const items: TimelineItem[] = [];
  let next = 0;
  for (const message of messages) {
    for (; next < waiting.length && placeOf(waiting[next]) < message.seq; next += 1) {
      items.push({ kind: 'notice', notice: waiting[next] });
    }
    items.push({ kind: 'message', message });
  }
  for (const notice of waiting.slice(next)) items.push({ kind: 'notice', notice });
  return items;
}
