// Times shown as words (14:05, Friday 2 January) are formatted in the chosen language by
// `useI18n`; this is the reader's calendar day, the same in every language.

/** The reader's calendar day of an instant, as "2026-01-02" (for `dateTime`, and to compare). */
export function localDay(at: string | number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
