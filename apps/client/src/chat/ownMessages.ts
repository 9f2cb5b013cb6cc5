import type { ChatMessage } from '@live/shared-events';
import type { You } from '../socket/SocketProvider';
import type { LoggedMessage } from './messageLog';

/**
 * How long authors may edit or delete their messages when the server does not say
 * (`welcome.editWindowMs`): its default. The server decides; past the window the client only
 * stops offering what it would refuse.
 */
export const EDIT_WINDOW_MS = 15 * 60_000;

/** Ours by identity, never by name (two people may share one); without `authorId`, nobody's. */
export const isMine = (message: ChatMessage, you: You | null): boolean =>
  message.authorId !== undefined && message.authorId === you?.userId;

/** When the author's edit window of `message` closes (epoch ms). */
export const editWindowEnd = (message: ChatMessage, you: You | null): number =>
  Date.parse(message.sentAt) + (you?.editWindowMs ?? EDIT_WINDOW_MS);

/** We may still edit or delete it: ours within the window, or ours at any time as a moderator. */
export function mayChange(message: LoggedMessage, you: You | null, now: number): boolean {
  if (message.deleted || !isMine(message, you)) return false;
  return you?.moderator === true || now < editWindowEnd(message, you);
}
