/**
 * Days as snapshots name them: `YYYY-MM-DD` in UTC, the one form stored, parsed from `?as_of=`
 * and `--date`; pages show them through src/i18n/format.ts's formatDate, in the page's language.
 */

/** The shape of a day in a query string or on the command line; `parseDay` also checks the calendar. */
export const DAY_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

const DAY_MS = 86_400_000;

/** The UTC day a moment falls on. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** The day, or null when the text is not a real calendar day ("2026-02-30"). */
export function parseDay(text: string): string | null {
  if (!new RegExp(DAY_PATTERN).test(text)) return null;
  const moment = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(moment.getTime()) || utcDay(moment) !== text ? null : text;
}

/** The day `n` days after (or, negative, before) this one. */
export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** Midnight UTC at the start of the day, as an ISO timestamp (Atom's `updated`). */
export function dayStart(day: string): string {
  return `${day}T00:00:00Z`;
}
