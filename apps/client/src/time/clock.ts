const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

/** The time of day of an ISO-8601 instant or epoch milliseconds, as "14:05" in the reader's locale. */
export const clockTime = (at: string | number): string => clockFormat.format(new Date(at));

/** The full date and time, for a `title` where only the time of day is shown. */
export const fullDateTime = (at: string | number): string => fullFormat.format(new Date(at));
