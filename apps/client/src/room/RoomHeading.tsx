import { LOBBY } from '@live/shared-events';
import type { Ref } from 'react';
import { useI18n } from '../i18n/useI18n';

/**
 * The page's heading: the app's name in the lobby, the room's name in a room. It takes focus
 * when another room opens (see `useFocusOnMove`), so a screen reader says where we are now.
 */
export function RoomHeading({ room, ref }: { room: string; ref?: Ref<HTMLHeadingElement> }) {
  const { t, rich } = useI18n();
  return (
    <h1 ref={ref} tabIndex={-1}>
      {room === LOBBY
        ? t('Live counter')
        : rich('Room {room}', { room: <span className="room-name">{room}</span> })}
    </h1>
  );
}
