import { useSocket } from '../socket/useSocket';

/** Why someone who opened a moderator link is not a moderator: the server refused the token. */
export function TokenRefusedNote() {
  const { tokenRefused } = useSocket();
  if (!tokenRefused) return null;
  return (
    <p className="note" role="status">
      That moderator token was refused; you are connected without it.
    </p>
  );
}
