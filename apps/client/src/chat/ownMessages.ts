import type { ChatMessage } from '@live/shared-events';
import type { You } from '../socket/SocketProvider';
import type { LoggedMessage } from './messageLog';

/**
 * How long authors may edit or delete their messages: the server's default (`EDIT_WINDOW_MS`).
 * The server decides; past this the client only stops offering what it would refuse.
 */
export const EDIT_WINDOW_MS = 15 * 60_000;

/** Ours by identity, never by name (two people may share one); without `authorId`, nobody's. */
export const isMine = (message: ChatMessage, you: You | null): boolean =>
  message.authorId !== undefined && message.authorId === you?.userId;

/** When the author's edit window of `message` closes (epoch ms). */
export const editWindowEnd = (message: ChatMessage): number =>
  Date.parse(message.sentAt) + EDIT_WINDOW_MS;

/** We may still edit or delete it: ours within the window, or ours at any time as a moderator. */
export function mayChange(message: LoggedMessage, you: You | null, now: number): boolean {
  if (message.deleted || !isMine(message, you)) return false;
  return you?.moderator === true || now < editWindowEnd(message);
}
