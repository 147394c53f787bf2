/** Display formatting shared by the pages. Dates are formatted from their text, never via a time zone. */

// Dates and counts in the page's language (src/i18n/format.ts): one home for how they are written.
export { formatCount, formatDate, formatShortDate } from '../../i18n/format.js';
import { formatCount } from '../../i18n/format.js';

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
