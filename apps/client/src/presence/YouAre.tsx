import { useI18n } from '../i18n/useI18n';
import { useSocket } from '../socket/useSocket';
import { Avatar } from './Avatar';

/** "You are Ada", with the colour others see beside your messages. */
export function YouAre() {
  const { you } = useSocket();
  const { rich } = useI18n();
  if (!you) return null;
  return (
    <p className="you-are">
      <Avatar identityId={you.userId} name={you.name} />{' '}
      <span>
        {rich('You are {name}', {
          name: (
            <strong>
              <bdi>{you.name}</bdi>
            </strong>
          ),
        })}
      </span>
    </p>
  );
}
