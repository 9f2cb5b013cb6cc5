import { useSocket } from '../socket/useSocket';
import { Avatar } from './Avatar';

/** "You are Ada", with the colour others see beside your messages. */
export function YouAre() {
  const { you } = useSocket();
  if (!you) return null;
  return (
    <p className="you-are">
      <Avatar identityId={you.userId} name={you.name} />{' '}
      <span>
        You are{' '}
        <strong>
          <bdi>{you.name}</bdi>
        </strong>
      </span>
    </p>
  );
}
