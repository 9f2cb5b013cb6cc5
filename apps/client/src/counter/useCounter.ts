import { ERROR_CODES, type CounterReset, type Welcome } from '@live/shared-events';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { describeFailure, resendingMessage } from '../socket/describeFailure';
import { newRequestId } from '../socket/newRequestId';
import { useSocket } from '../socket/useSocket';
import { useSocketEvent } from '../socket/useSocketEvent';
import { useLater } from '../time/useLater';
import { counterReducer, initialCounter } from './counterState';

/** How long "A moderator reset the counter." stays: long enough to read, then out of the way. */
export const RESET_NOTICE_MS = 8000;

/**
 * The shared count and `click`. Every click carries an id and goes out again, with that id,
 * after a drop or a timeout until the server answers, so it is counted exactly once; one
 * refused for speed goes out again after the server's wait. Only a refusal is "not counted".
 */
export function useCounter() {
  const { status, emitWithAck } = useSocket();
  const [state, dispatch] = useReducer(counterReducer, initialCounter);
  const inFlight = useRef(new Set<string>());
  // Counts resets, so an answer to a click sent before one cannot bring the old count back.
  const resets = useRef(0);
  const later = useLater();
  // Everyone is told why the count dropped to 0; a second reset restarts the notice's time.
  const [resetNotices, setResetNotices] = useState(0);

  useSocketEvent(
    'welcome',
    useCallback((welcome: Welcome) => dispatch({ type: 'welcome', count: welcome.count }), []),
  );
  useSocketEvent(
    'click',
    useCallback((count: number) => dispatch({ type: 'count', count }), []),
  );
  useSocketEvent(
    'counter:reset',
    useCallback(
      ({ count }: CounterReset) => {
        resets.current += 1;
        dispatch({ type: 'reset', count });
        setResetNotices((shown) => shown + 1);
        later(() => setResetNotices((shown) => shown - 1), RESET_NOTICE_MS);
      },
      [later],
    ),
  );

  const deliver = useCallback(
    async (id: string) => {
      // The flush effect runs again on every change; one attempt per click at a time.
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      const resetsAtSend = resets.current;
      const result = await emitWithAck('click', { id });
      inFlight.current.delete(id);
      if (result.ok) {
        const resetSince = resets.current !== resetsAtSend;
        dispatch({ type: 'counted', id, count: resetSince ? null : result.count });
      } else if (result.error.code === 'OFFLINE' || result.error.code === 'TIMEOUT') {
        // It may or may not have been counted: only the server's answer to the same id says.
        dispatch({ type: 'unanswered', id });
      } else if (result.error.code === ERROR_CODES.RATE_LIMITED) {
        const waitMs = result.error.retryAfterMs ?? 0;
        dispatch({ type: 'held', id, wait: resendingMessage(waitMs) });
        later(() => dispatch({ type: 'released', id }), waitMs);
      } else {
        dispatch({ type: 'refused', id, reason: describeFailure(result.error) });
      }
    },
    [emitWithAck, later],
  );

  const connected = status === 'connected';
  useEffect(() => {
    if (!connected) return;
    for (const click of state.clicks) if (!click.held) void deliver(click.id);
  }, [connected, state.clicks, deliver]);

  const click = useCallback(() => dispatch({ type: 'clicked', id: newRequestId() }), []);

  return {
    count: state.count,
    counted: state.counted,
    click,
    wait: state.wait,
    refusal: state.refusal,
    canClick: connected,
    /** A moderator just reset the counter. */
    resetJustNow: resetNotices > 0,
  };
}
