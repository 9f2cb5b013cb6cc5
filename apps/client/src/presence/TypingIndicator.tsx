import type { ReactNode } from 'react';

/**
 * "Ada is typing…", "Ada and Bo are typing…", "Several people are typing…". Each name is
 * isolated (`<bdi>`), so a right-to-left one cannot reorder the words around it.
 */
export function describeTypists(names: string[]): ReactNode {
  if (names.length === 0) return '';
  if (names.length === 1)
    return (
      <>
        <bdi>{names[0]}</bdi> is typing…
      </>
    );
  if (names.length === 2)
    return (
      <>
        <bdi>{names[0]}</bdi> and <bdi>{names[1]}</bdi> are typing…
      </>
    );
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
