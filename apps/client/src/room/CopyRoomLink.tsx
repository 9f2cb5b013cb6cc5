import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useLater } from '../time/useLater';
import { pathOfRoom } from './roomPath';

/** How long "Copied" stays: long enough to be read, gone before the next copy. */
export const COPIED_NOTICE_MS = 3000;

/**
 * "Copy link": puts the room's full address on the clipboard and says "Copied". Where the
 * browser offers no clipboard (a page served over plain http) or refuses it, the address is
 * shown selected in a field instead, to copy by hand.
 */
export function CopyRoomLink({ room }: { room: string }) {
  const { t } = useI18n();
  const later = useLater();
  // A count, not a flag: a second copy restarts the notice's time.
  const [notices, setNotices] = useState(0);
  const [byHand, setByHand] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const link = window.location.origin + pathOfRoom(room);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setByHand(false);
      setNotices((shown) => shown + 1);
      later(() => setNotices((shown) => shown - 1), COPIED_NOTICE_MS);
    } catch {
      setByHand(true);
      // Shown already: focused again, which selects it (the effect focuses it when it appears).
      field.current?.focus();
    }
  };

  useEffect(() => {
    if (byHand) field.current?.focus();
  }, [byHand]);

  return (
    <>
      <span className="copy-link">
        <button type="button" onClick={() => void copy()}>
          {t('Copy link')}
        </button>
        <span className="copied" role="status">
          {notices > 0 && t('Copied')}
        </span>
      </span>
      {byHand && (
        <label className="link-field">
          {t('Copy this link:')}
          <input ref={field} readOnly value={link} onFocus={(event) => event.target.select()} />
        </label>
      )}
    </>
  );
}
