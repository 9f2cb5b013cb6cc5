import { useI18n } from '../i18n/useI18n';
import { useSocket } from '../socket/useSocket';

const HEADLINE = {
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline.',
} as const;

/**
 * Says so whenever the app is not connected, above the header (never over it); not while it
 * reconnects on purpose with a new name, unless that fails.
 */
export function ConnectionBanner() {
  const { status, error, switching, reconnect } = useSocket();
  const { t, say } = useI18n();
  if (status === 'connected' || switching) return null;

  return (
    <div className={`banner ${status}`} role="alert">
      <strong>{t(HEADLINE[status])}</strong> {error && say(error)}
      {status === 'offline' && (
        <button type="button" onClick={reconnect}>
          {t('Try again')}
        </button>
      )}
    </div>
  );
}
