import { LOBBY } from '@live/shared-events';
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/useI18n';
import { RoomLink } from './RoomLink';
import { useRecentRooms } from './useRecentRooms';

/**
 * "Recent": the rooms one was in lately, in a list that opens under its button, the lobby
 * first, the one open now marked. Escape closes it and gives focus back to the button;
 * focus going elsewhere (a click outside, Tab past its end) closes it too.
 */
export function RecentRooms({ room }: { room: string }) {
  const { t } = useI18n();
  const rooms = useRecentRooms(room);
  const [open, setOpen] = useState(false);

  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    event.currentTarget.querySelector('button')?.focus();
  };
  const closeOnLeave = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <div className="recent-rooms" onKeyDown={closeOnEscape} onBlur={closeOnLeave}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="recent-rooms"
        onClick={() => setOpen(!open)}
      >
        {t('Recent')}
      </button>
      <ul id="recent-rooms" hidden={!open}>
        {[LOBBY, ...rooms].map((listed) => (
          <li key={listed}>
            <RoomLink room={listed} current={listed === room} onOpen={() => setOpen(false)}>
              {listed === LOBBY ? t('Lobby') : listed}
            </RoomLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
