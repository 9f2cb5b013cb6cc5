import { useSocket } from '../socket/useSocket';

const HEADLINE = {
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline.',
} as const;

/** Says so whenever the app is not connected, above the header (never over it). */
export function ConnectionBanner() {
  const { status, error, reconnect } = useSocket();
  if (status === 'connected') return null;

  return (
    <div className={`banner ${status}`} role="alert">
      <strong>{HEADLINE[status]}</strong> {error}
      {status === 'offline' && (
        <button type="button" onClick={reconnect}>
          Try again
        </button>
      )}
    </div>
  );
}
