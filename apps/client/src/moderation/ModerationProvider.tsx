import type { UserMuted, Welcome } from '@live/shared-events';
import { createContext, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Text } from '../i18n/catalogue';
import { describeFailure } from '../socket/describeFailure';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';

/** Why a mute or unmute of this person was refused. */
export interface MuteError {
  userId: string;
  message: Text;
}

export interface ModerationContextValue {
  /** The server made us a moderator (the handshake carried the operator token). */
  isModerator: boolean;
  /** The same request for a message's author and for a moderator; the server decides. */
  deleteMessage: (id: string) => Promise<void>;
  resetCounter: () => Promise<void>;
  muteUser: (userId: string, minutes: number) => Promise<void>;
  unmuteUser: (userId: string) => Promise<void>;
  /** Why the last delete was refused; null once one succeeds. */
  deleteError: Text | null;
  /** Why the last reset was refused; null once one succeeds. */
  resetError: Text | null;
  /** Why the last mute or unmute was refused; null once one succeeds. */
  muteError: MuteError | null;
  /** Who is muted until when (epoch ms), as far as we have heard; past ones have ended. */
  mutes: ReadonlyMap<string, number>;
  /** Until when we are muted ourselves (epoch ms), or null; a past time has ended. */
  mutedUntil: number | null;
  /** A request of ours was refused as muted for `retryAfterMs`, though we had not heard of it. */
  mutedFor: (retryAfterMs: number) => void;
}

export const ModerationContext = createContext<ModerationContextValue | null>(null);

const withMute = (mutes: ReadonlyMap<string, number>, userId: string, until?: number) => {
  const next = new Map(mutes);
  if (until === undefined) next.delete(userId);
  else next.set(userId, until);
  return next;
};

/**
 * The app's one moderation state, mounted once inside the `SocketProvider`: the chat, the
 * counter and the people panel all read it, so they never disagree about who is a moderator or
 * who is muted.
 */
export function ModerationProvider({ children }: { children: ReactNode }) {
  const { emitWithAck, you } = useSocket();
  const isModerator = you?.moderator === true;
  // Each refusal is shown beside the control that was used, so each has its own.
  const [deleteError, setDeleteError] = useState<Text | null>(null);
  const [resetError, setResetError] = useState<Text | null>(null);
  const [muteError, setMuteError] = useState<MuteError | null>(null);
  const [mutes, setMutes] = useState<ReadonlyMap<string, number>>(new Map());
  // Kept apart from `mutes`: a refusal can tell us we are muted before we know our identity.
  const [mutedUntil, setMutedUntil] = useState<number | null>(null);

  useSocketEvent(
    'welcome',
    useCallback(({ you: me, mutedUntil: until }: Welcome) => {
      const ends = until === undefined ? undefined : Date.parse(until);
      setMutedUntil(ends ?? null);
      if (me.userId) {
        const userId = me.userId;
        setMutes((current) => withMute(current, userId, ends));
      }
    }, []),
  );
  useSocketEvent(
    'user:muted',
    useCallback(
      ({ userId, until }: UserMuted) => {
        const ends = until === undefined ? undefined : Date.parse(until);
        setMutes((current) => withMute(current, userId, ends));
        if (userId === you?.userId) setMutedUntil(ends ?? null);
      },
      [you?.userId],
    ),
  );

  const mutedFor = useCallback(
    (retryAfterMs: number) => setMutedUntil(Date.now() + retryAfterMs),
    [],
  );

  const deleteMessage = useCallback(
    async (id: string) => {
      const result = await emitWithAck('message:delete', { id });
      setDeleteError(result.ok ? null : describeFailure(result.error));
    },
    [emitWithAck],
  );

  const resetCounter = useCallback(async () => {
    const result = await emitWithAck('counter:reset', null);
    setResetError(result.ok ? null : describeFailure(result.error));
  }, [emitWithAck]);

  const muteUser = useCallback(
    async (userId: string, minutes: number) => {
      const result = await emitWithAck('user:mute', { userId, minutes });
      setMuteError(result.ok ? null : { userId, message: describeFailure(result.error) });
      // The broadcast says so too, but the panel need not wait for it.
      if (result.ok) setMutes((current) => withMute(current, userId, Date.parse(result.until)));
    },
    [emitWithAck],
  );

  const unmuteUser = useCallback(
    async (userId: string) => {
      const result = await emitWithAck('user:unmute', { userId });
      setMuteError(result.ok ? null : { userId, message: describeFailure(result.error) });
      if (result.ok) setMutes((current) => withMute(current, userId));
    },
    [emitWithAck],
  );

  const value = useMemo<ModerationContextValue>(
    () => ({
      isModerator,
      deleteMessage,
      resetCounter,
      muteUser,
      unmuteUser,
      deleteError,
      resetError,
      muteError,
      mutes,
      mutedUntil,
      mutedFor,
    }),
    [
      isModerator,
      deleteMessage,
      resetCounter,
      muteUser,
      unmuteUser,
      deleteError,
      resetError,
      muteError,
      mutes,
      mutedUntil,
      mutedFor,
    ],
  );

  return <ModerationContext.Provider value={value}>{children}</ModerationContext.Provider>;
}
