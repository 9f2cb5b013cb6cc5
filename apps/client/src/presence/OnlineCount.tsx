/**
 * How many connections are open: read when wanted, not spoken at every join and leave. While
 * not connected the last count may be long wrong, so it is shown as unknown.
 */
export function OnlineCount({ online, connected }: { online: number | null; connected: boolean }) {
  const known = connected && online !== null;
  return (
    <p className={known ? 'online' : 'online stale'}>
      <span className="dot" aria-hidden="true" />
      {known ? online : '–'} online
    </p>
  );
}
