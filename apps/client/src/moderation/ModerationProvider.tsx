import type { Welcome } from '@live/shared-events';
import { createContext, useCallback, useMemo, useState, type ReactNode } from 'react';
import { describeFailure } from '../socket/describeFailure';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';

export interface ModerationContextValue {
  /** The server made us a moderator (the handshake carried the operator token). */
  isModerator: boolean;
  deleteMessage: (id: string) => Promise<void>;
  resetCounter: () => Promise<void>;
  /** Why the last delete was refused; null once one succeeds. */
  deleteError: string | null;
  /** Why the last reset was refused; null once one succeeds. */
  resetError: string | null;
}

export const ModerationContext = createContext<ModerationContextValue | null>(null);

/**
 * The app's one moderation state, mounted once inside the `SocketProvider`: the chat and the
 * counter both read it, so they can never disagree about who is a moderator.
 */
export function ModerationProvider({ children }: { children: ReactNode }) {
  const { emitWithAck } = useSocket();
  const [isModerator, setModerator] = useState(false);
  // Each refusal is shown beside the control that was used, so each has its own.
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [resetError, setResetError] = useState<string | null>(null);

  useSocketEvent(
    'welcome',
    useCallback((welcome: Welcome) => setModerator(welcome.you.moderator === true), []),
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

  const value = useMemo<ModerationContextValue>(
    () => ({ isModerator, deleteMessage, resetCounter, deleteError, resetError }),
    [isModerator, deleteMessage, resetCounter, deleteError, resetError],
  );

  return <ModerationContext.Provider value={value}>{children}</ModerationContext.Provider>;
}
