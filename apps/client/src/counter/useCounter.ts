import type { Welcome } from '@live/shared-events';
import { useCallback, useReducer } from 'react';
import { describeFailure } from '../socket/describeFailure';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';
import { counterReducer, initialCounter } from './counterState';

/** The shared count, an optimistic `click`, and why the last click was refused. */
export function useCounter() {
  const { status, emitWithAck } = useSocket();
  const [state, dispatch] = useReducer(counterReducer, initialCounter);

  useSocketEvent(
    'welcome',
    useCallback((welcome: Welcome) => dispatch({ type: 'welcome', count: welcome.count }), []),
  );
  useSocketEvent(
    'click',
    useCallback((count: number) => dispatch({ type: 'count', count }), []),
  );

  const click = useCallback(async () => {
    dispatch({ type: 'clicked' });
    const result = await emitWithAck('click', {});
    dispatch(
      result.ok
        ? { type: 'confirmed', count: result.count }
        : { type: 'refused', reason: describeFailure(result.error) },
    );
  }, [emitWithAck]);

  return { count: state.shown, click, note: state.note, canClick: status === 'connected' };
}
