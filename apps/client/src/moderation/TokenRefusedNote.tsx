import { useI18n } from '../i18n/useI18n';
import { useSocket } from '../socket/useSocket';

/** Why someone who opened a moderator link is not a moderator: the server refused the token. */
export function TokenRefusedNote() {
  const { tokenRefused } = useSocket();
  const { t } = useI18n();
  if (!tokenRefused) return null;
  return (
    <p className="note" role="status">
      {t('That moderator token was refused; you are connected without it.')}
    </p>
  );
}
