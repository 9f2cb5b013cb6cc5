/** How many connections are open: read when wanted, not spoken at every join and leave. */
export function OnlineCount({ online }: { online: number | null }) {
  return (
    <p className="online">
      <span className="dot" aria-hidden="true" />
      {online ?? '–'} online
    </p>
  );
}
