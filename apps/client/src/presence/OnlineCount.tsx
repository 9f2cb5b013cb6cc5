import { useI18n } from '../i18n/useI18n';

/**
 * How many connections are open: read when wanted, not spoken at every join and leave. While
 * not connected the last count may be long wrong, so it is shown as unknown.
 */
export function OnlineCount({ online, connected }: { online: number | null; connected: boolean }) {
  const { t } = useI18n();
  const known = connected && online !== null;
  return (
    <p className={known ? 'online' : 'online stale'}>
      <span className="dot" aria-hidden="true" />
      {known ? t('{count} online', { count: online }) : t('– online')}
    </p>
  );
}
