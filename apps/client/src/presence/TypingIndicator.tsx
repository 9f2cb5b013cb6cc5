import { useI18n } from '../i18n/useI18n';

/**
 * "Ada is typing…", "Ada and Bo are typing…", "Several people are typing…". Each name is
 * isolated (`<bdi>`), so a right-to-left one cannot reorder the words around it.
 */
export function TypingIndicator({ typists }: { typists: string[] }) {
  const { t, rich } = useI18n();
  const [first, second] = typists;
  // Always rendered (and one line tall) so the composer below never moves.
  return (
    <p className="typing" aria-live="polite">
      {typists.length === 1 && rich('{name} is typing…', { name: <bdi>{first}</bdi> })}
      {typists.length === 2 &&
        rich('{first} and {second} are typing…', {
          first: <bdi>{first}</bdi>,
          second: <bdi>{second}</bdi>,
        })}
      {typists.length > 2 && t('Several people are typing…')}
    </p>
  );
}
