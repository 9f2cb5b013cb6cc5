import { useI18n } from '../i18n/useI18n';
import type { MentionAlerts } from './useMentionAlerts';

/** "Notify me when someone mentions me": a checkbox, and why it stays off when refused. */
export function MentionAlertsToggle({ alerts }: { alerts: MentionAlerts }) {
  const { t } = useI18n();
  if (!alerts.supported) return null;
  return (
    <div className="mention-alerts">
      <label>
        <input
          type="checkbox"
          checked={alerts.on}
          onChange={(event) => void alerts.turn(event.target.checked)}
        />{' '}
        {t('Notify me when someone mentions me')}
      </label>
      <p className="hint" role="status">
        {alerts.blocked && t('Notifications are blocked for this page in the browser’s settings.')}
      </p>
    </div>
  );
}
