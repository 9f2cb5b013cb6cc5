export function OnlineCount({ online }: { online: number | null }) {
  return (
    <p className="online" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {online ?? '–'} online
    </p>
  );
}
