import { ConfirmAction } from '../moderation/ConfirmAction';
import { useModeration } from '../moderation/useModeration';
import { useSocket } from '../socket/useSocket';
import { useCounter } from './useCounter';

const PAUSED_REASON = {
  connecting: 'Clicks start once connected.',
  reconnecting: 'Clicks are paused until the connection is back.',
  offline: 'Clicks are paused while offline.',
  connected: null,
} as const;

/** The shared count, big, and the button everyone presses. */
export function Counter() {
  const { status } = useSocket();
  const { count, click, note, canClick } = useCounter();
  const reason = PAUSED_REASON[status];
  const moderation = useModeration();

  return (
    <section className="card counter" aria-labelledby="counter-heading">
      <h2 id="counter-heading">Clicks so far</h2>
      <p className="count" role="status" aria-live="polite" aria-labelledby="counter-heading">
        {count === null ? '–' : count.toLocaleString()}
      </p>
      <button
        type="button"
        className="click"
        onClick={() => void click()}
        disabled={!canClick}
        aria-describedby={reason ? 'click-reason' : undefined}
      >
        Click +1
      </button>
      {/* Both lines keep their height whether empty or not, so nothing below them jumps. */}
      <p id="click-reason" className="hint">
        {reason}
      </p>
      <p className="note" aria-live="polite">
        {note && `Your click was not counted: ${note}`}
      </p>
      {moderation.isModerator && (
        <div className="moderation">
          <ConfirmAction
            question="Reset the counter to 0 for everyone?"
            onConfirm={() => void moderation.resetCounter()}
            disabled={status !== 'connected'}
          >
            Reset counter to 0
          </ConfirmAction>
          {moderation.resetError && <p role="alert">Not reset: {moderation.resetError}</p>}
        </div>
      )}
    </section>
  );
}
