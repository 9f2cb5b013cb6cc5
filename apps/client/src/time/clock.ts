const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });

/** The time of day of an ISO-8601 instant or epoch milliseconds, as "14:05" in the reader's locale. */
export const clockTime = (at: string | number): string => clockFormat.format(new Date(at));

/** The full date and time, for a `title` where only the time of day is shown. */
export const fullDateTime = (at: string | number): string => fullFormat.format(new Date(at));

/** The reader's calendar day of an instant, as "2026-01-02" (for `dateTime`, and to compare). */
export function localDay(at: string | number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day alone, as "Friday, 2 January 2026" in the reader's locale: a day separator's words. */
export const dayDate = (at: string | number): string => dayFormat.format(new Date(at));
