import { LIMITS, LOBBY } from '@live/shared-events';
import { useEffect, type Ref } from 'react';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useI18n } from '../i18n/useI18n';
import { RoomLink } from './RoomLink';

/**
 * What an address that cannot name a room (`/r/Bad_Slug!`) shows instead of a connection the
 * server would refuse: what a room link looks like, and the way to the lobby.
 */
export function NoSuchRoom({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  const title = t('Live counter');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <header className="top">
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <LanguageSwitcher />
      </header>
      <main className="card no-room">
        <h2>{t('No room at this address')}</h2>
        <p>
          {t('Room links look like {example}: 1 to {max} letters a–z, digits or hyphens.', {
            example: '/r/quiet-otter-42',
            max: LIMITS.roomSlugMaxLength,
          })}
        </p>
        <p>
          <RoomLink room={LOBBY}>{t('Go to the lobby')}</RoomLink>
        </p>
      </main>
    </>
  );
}
