/** "Ada is typing…", "Ada and Bo are typing…", "Several people are typing…". */
export function describeTypists(names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return 'Several people are typing…';
}

export function TypingIndicator({ typists }: { typists: string[] }) {
  // Always rendered (and one line tall) so the composer below never moves.
  return (
    <p className="typing" aria-live="polite">
      {describeTypists(typists)}
    </p>
  );
}
