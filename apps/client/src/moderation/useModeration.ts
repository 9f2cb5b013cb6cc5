import { useContext } from 'react';
import { ModerationContext, type ModerationContextValue } from './ModerationProvider';

/** Whether we are a moderator, the moderator actions and why one was refused. */
export function useModeration(): ModerationContextValue {
  const value = useContext(ModerationContext);
  if (!value) throw new Error('useModeration must be used inside a <ModerationProvider>');
  return value;
}
