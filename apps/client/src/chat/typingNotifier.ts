/** Stop saying "typing" after this long without a keystroke. */
export const TYPING_IDLE_MS = 3000;
/** Repeat "typing" this often while it lasts, so others' indicators do not expire. */
export const TYPING_REFRESH_MS = 2500;

/**
 * Turns keystrokes into few `typing` notices: `true` once (then every few seconds while it lasts),
 * `false` once when the person stops, sends, or goes quiet.
 */
export function createTypingNotifier(send: (typing: boolean) => void) {
  let lastTrueAt: number | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const notify = (typing: boolean) => {
    clearTimeout(idle);
    if (typing) {
      idle = setTimeout(() => notify(false), TYPING_IDLE_MS);
      if (lastTrueAt !== null && Date.now() - lastTrueAt < TYPING_REFRESH_MS) return;
      lastTrueAt = Date.now();
      send(true);
    } else if (lastTrueAt !== null) {
      lastTrueAt = null;
      send(false);
    }
  };

  return { notify, dispose: () => clearTimeout(idle) };
}
