/**
 * One text the app keeps in the browser across visits (localStorage). Storage can be disabled
 * or full (private windows, strict settings): reading then finds nothing and writing keeps
 * nothing, so what it holds lasts for this page only.
 */
export function storedText(key: string) {
  return {
    read(): string | undefined {
      try {
        return localStorage.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    /** Keeps `value`; undefined or empty forgets it. */
    write(value: string | undefined): void {
      try {
        if (value) localStorage.setItem(key, value);
        else localStorage.removeItem(key);
      } catch {
        // Kept for this page only (above).
      }
    },
  };
}
