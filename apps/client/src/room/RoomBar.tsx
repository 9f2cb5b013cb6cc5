import { useI18n } from '../i18n/useI18n';
import { openPath } from './addressBar';
import { CopyRoomLink } from './CopyRoomLink';
import { randomRoomSlug } from './randomRoomSlug';
import { RecentRooms } from './RecentRooms';
import { pathOfRoom } from './roomPath';

/** The ways between rooms: share this one's link, open a new one, go back to one seen lately. */
export function RoomBar({ room }: { room: string }) {
  const { t } = useI18n();
  return (
    <nav className="room-bar" aria-label={t('Rooms')}>
      <CopyRoomLink room={room} />
      <button type="button" onClick={() => openPath(pathOfRoom(randomRoomSlug()))}>
        {t('New room')}
      </button>
      <RecentRooms room={room} />
    </nav>
  );
}
