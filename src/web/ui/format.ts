/**
 * Display formatting the pages share that no language changes: a stored timestamp, a shortened
 * description. Dates, counts and plurals are the language's (src/i18n/format.ts and ICU messages).
 */

/**
 * "2026-11-01T10:05:07.123Z" → "2026-11-01 10:05:07 UTC": the one way pages show a stored
 * timestamp (the admin side's audit log, votes, blocks, flag windows and held ratings).
 */
export function formatTimestamp(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

/** Shortens text at a word boundary for meta descriptions. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
