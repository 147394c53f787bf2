/** Display formatting shared by the pages. Dates are formatted from their text, never via a time zone. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2003-09-25" → "September 25, 2003"; null or malformed → null. */
export function formatDate(isoDate: string | null): string | null {
  const match = isoDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${month} ${Number(match[3])}, ${match[1]}` : null;
}

/**
 * "2026-11-01T10:05:07.123Z" (or "2026-11-01") → "Nov 1, 2026": a day in a narrow column (a fan's
 * own ratings), the UTC day the timestamp names; malformed → null.
 */
export function formatShortDate(iso: string): string | null {
  const date = formatDate(iso.slice(0, 10));
  return date && `${date.slice(0, 3)}${date.slice(date.indexOf(' '))}`;
}

/**
 * "2026-11-01T10:05:07.123Z" → "2026-11-01 10:05:07 UTC": the one way pages show a stored
 * timestamp (the admin side's audit log, votes, blocks, flag windows and held ratings).
 */
export function formatTimestamp(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * A count with its noun: "1 vote", "40 votes", "12,345 episodes", "1 extra vote". Every count the
 * pages print goes through here, so none says "1 votes". `many` is for nouns that do not just add an s.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

// One formatter for every count: toLocaleString builds a new one on each call, which a page of
// search results or a long ranking paid for once per line.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** 12345 → "12,345": how the pages print a count. */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** "1 vote", "40 votes", "12,345 votes". */
export function formatVotes(count: number): string {
  return plural(count, 'vote');
}

/** Shortens text at a word boundary for meta descriptions. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
