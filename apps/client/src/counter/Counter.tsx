import { useI18n } from '../i18n/useI18n';
import { ConfirmAction } from '../moderation/ConfirmAction';
import { useModeration } from '../moderation/useModeration';
import { useSocket } from '../socket/useSocket';
import { useThrottled } from '../time/useThrottled';
import { useCounter } from './useCounter';

/**
 * The count a screen reader hears: with several people clicking it changes many times a
 * second, so it is spoken at most this often — and at once when our own click is counted.
 */
const ANNOUNCE_INTERVAL_MS = 5000;

const PAUSED_REASON = {
  connecting: 'Clicks start once connected.',
  reconnecting: 'Clicks are paused until the connection is back.',
  offline: 'Clicks are paused while offline.',
  connected: null,
} as const;

/** The shared count, big, and the button everyone presses. */
export function Counter() {
  const { status } = useSocket();
  const { count, counted, click, wait, refusal, canClick, resetJustNow } = useCounter();
  const announced = useThrottled(count, ANNOUNCE_INTERVAL_MS, counted);
  const reason = PAUSED_REASON[status];
  const moderation = useModeration();
  const { t, say, number } = useI18n();
  const asFigure = (figure: number | null) => (figure === null ? '–' : number(figure));

  return (
    <section className="card counter" aria-labelledby="counter-heading">
      <h2 id="counter-heading">{t('Clicks so far')}</h2>
      <p className="count">{asFigure(count)}</p>
      <p className="visually-hidden" role="status" aria-labelledby="counter-heading">
        {asFigure(announced)}
      </p>
      <button
        type="button"
        className="click"
        onClick={click}
        disabled={!canClick}
        aria-describedby={reason ? 'click-reason' : undefined}
      >
        {t('Click +1')}
      </button>
      {/* Both lines keep their height whether empty or not, so nothing below them jumps (not on
          phones, where that height would push the composer off the first screen: app.css). */}
      <p id="click-reason" className="hint">
        {reason && t(reason)}
      </p>
      <p className="note" aria-live="polite">
        {refusal
          ? t('Your click was not counted: {reason}', { reason: say(refusal) })
          : wait && say(wait)}
      </p>
      <p className="hint" aria-live="polite">
        {resetJustNow && t('A moderator reset the counter.')}
      </p>
      {moderation.isModerator && (
        <div className="moderation">
          <ConfirmAction
            question={t('Reset the counter to 0 for everyone?')}
            onConfirm={() => void moderation.resetCounter()}
            disabled={status !== 'connected'}
          >
            {t('Reset counter to 0')}
          </ConfirmAction>
          {moderation.resetError && (
            <p role="alert">{t('Not reset: {reason}', { reason: say(moderation.resetError) })}</p>
          )}
        </div>
      )}
    </section>
  );
}
