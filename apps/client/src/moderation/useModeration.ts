import type { Welcome } from '@live/shared-events';
import { useCallback, useState } from 'react';
import { describeFailure } from '../socket/describeFailure';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';

/** Whether the server made us a moderator, and the moderator actions (with why one failed). */
export function useModeration() {
  const { emitWithAck } = useSocket();
  const [isModerator, setModerator] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useSocketEvent(
    'welcome',
    useCallback((welcome: Welcome) => setModerator(welcome.you.moderator === true), []),
  );

  const deleteMessage = useCallback(
    async (id: string) => {
      const result = await emitWithAck('message:delete', { id });
      setError(result.ok ? null : describeFailure(result.error));
    },
    [emitWithAck],
  );

  const resetCounter = useCallback(async () => {
    const result = await emitWithAck('counter:reset', null);
    setError(result.ok ? null : describeFailure(result.error));
  }, [emitWithAck]);

  return { isModerator, deleteMessage, resetCounter, error };
}
