import { useI18n } from '../i18n/useI18n';
import { MuteControl } from '../moderation/MuteControl';
import { useModeration } from '../moderation/useModeration';
import { useSocket } from '../socket/useSocket';
import { useNow } from '../time/useNow';
import { Avatar } from './Avatar';
import type { People } from './people';

/**
 * Who is here, each with their colour chip, "you", a moderator badge and (for moderators)
 * Mute and Unmute. A plain list, not a live region: joins and leaves are not read out.
 */
export function PeoplePanel({ people, total }: People) {
  const { status, you } = useSocket();
  const moderation = useModeration();
  const { t, fullDateTime } = useI18n();
  const now = useNow([...moderation.mutes.values()]);
  if (total === null) return null;
  const unlisted = Math.max(0, total - people.length);

  return (
    <section className="card people" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('People here')}</h2>
      <ul className="people-list" aria-labelledby="people-heading">
        {people.map((person) => {
          const isYou = person.id === you?.userId;
          const mutedUntil = moderation.mutes.get(person.id);
          const muted = mutedUntil !== undefined && mutedUntil > now;
          return (
            <li key={person.id} className="person">
              {/* Spaces between the parts, so they are read as words, not "Adayou". */}
              <Avatar identityId={person.id} name={person.name} />{' '}
              <bdi className="person-name">{person.name}</bdi>{' '}
              {isYou && <span className="tag">{t('you')}</span>}{' '}
              {person.moderator && <span className="tag badge">{t('moderator')}</span>}{' '}
              {muted && (
                <span className="tag muted" title={fullDateTime(mutedUntil)}>
                  {t('muted until {until, time}', { until: mutedUntil })}
                </span>
              )}
              {moderation.isModerator && !isYou && (
                <MuteControl person={person} muted={muted} disabled={status !== 'connected'} />
              )}
            </li>
          );
        })}
      </ul>
      {unlisted > 0 && <p className="hint">{t('+ {count} more', { count: unlisted })}</p>}
    </section>
  );
}
