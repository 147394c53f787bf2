/**
 * How Epirank writes CSV, for every CSV the site hands out (today /account/ratings.csv): RFC 4180
 * records, and text cells that a spreadsheet cannot take for a formula (issue 24). A title that
 * begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets skip
 * before looking for one) became a formula in a fan's export: `=HYPERLINK(…)` from an editor's
 * or an imported catalogue's title. OWASP's advice is followed: such a cell gets a leading `'`,
 * which spreadsheets show as text, and is quoted.
 *
 * Numbers the site writes itself (a rating, a season, a count) are passed as numbers and written
 * as they are: they are ours, never begin with anything but a digit (or a minus sign, which is
 * a number to a spreadsheet, not a formula), and a guard would turn them into text. Only strings
 * are guarded, so a show titled `-x` or `-1` is still a title, shown as written.
 *
 * `unguardCsvCell` is the reading side: the catalogue CSV importer takes the guard off again, so a
 * title `=Foo` written here and read back is `=Foo` once more.
 */

/** What a spreadsheet may read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a number as it is; text guarded against formulas and quoted where RFC 4180 needs it. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF (RFC 4180). */
export function csvRecord(cells: ReadonlyArray<string | number>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A cell as read back: the guard `csvCell` put before a formula's first character taken off. */
export function unguardCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
