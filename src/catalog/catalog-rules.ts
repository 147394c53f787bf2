/**
 * The catalogue's rules, stated once: how long each field may be, how many directors and watch
 * links an episode may list, what a slug, a date, a watch link and its provider look like, and
 * which season and episode numbers exist. The import format's JSON Schema
 * (src/importers/catalog-format.ts), the admin forms' checks and their route schemas are all built
 * from these values, so whatever the admin side saves, an export of it imports again.
 */
import Format from 'typebox/format';
import { MAX_URL_NUMBER } from '../shared/paging.js';

/** Longest text of each field, in characters (Unicode code points, as JSON Schema counts them). */
export const LIMITS = {
  slug: 100,
  showTitle: 300,
  showSynopsis: 20_000,
  network: 200,
  status: 100,
  episodeTitle: 300,
  episodeSynopsis: 10_000,
  directorName: 200,
  provider: 100,
  watchLinkUrl: 2_000,
} as const;

/** How many entries an episode's lists may hold. */
export const MAX_DIRECTORS = 50;
export const MAX_WATCH_LINKS = 20;

/** Season and episode numbers: whole numbers in this range (pages address episodes by them). */
export const NUMBER_RANGE = { min: 1, max: MAX_URL_NUMBER } as const;

/**
 * Votes a baseline tally (one brought from another site) may count. Far above any real site's
 * count, and low enough that ten times it still sums exactly in a JavaScript number.
 */
export const MAX_BASELINE_VOTES = 1_000_000_000;

/** A slug: lower-case letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const SLUG_RULE = 'lower-case letters, digits and single hyphens, e.g. kaleido-star';

/**
 * Names (titles, networks, directors) stay on one line: the admin forms edit them in one-line
 * inputs or one per line, and a line break would split or lose them there.
 */
export const SINGLE_LINE_PATTERN = '^[^\\r\\n]*$';

/**
 * A watch link's provider: one line without "=", since the admin form and the CSV format write a
 * link as "Provider = https://…" and split it at the first "=".
 */
export const PROVIDER_PATTERN = '^[^=\\r\\n]+$';
export const PROVIDER_RULE = `a name of 1 to ${LIMITS.provider} characters on one line, without "="`;

/** A watch link's address: an http(s) URI (RFC 3986, so no spaces, "|" or bare non-ASCII). */
export const WATCH_LINK_URL_PATTERN = '^https?://';
export const WATCH_LINK_URL_RULE = `an http:// or https:// address of at most ${LIMITS.watchLinkUrl.toLocaleString('en')} characters`;

export const DATE_RULE = 'YYYY-MM-DD, e.g. 2003-04-03';

/** Length as JSON Schema's maxLength counts it: code points, so "é" and "😀" are one each. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function fitsLimit(text: string, limit: number): boolean {
  // Fast path: code points never outnumber UTF-16 units.
  return text.length <= limit || textLength(text) <= limit;
}

const slug = new RegExp(SLUG_PATTERN);
const singleLine = new RegExp(SINGLE_LINE_PATTERN);
const provider = new RegExp(PROVIDER_PATTERN);
const watchLinkUrl = new RegExp(WATCH_LINK_URL_PATTERN);

export function isSlug(text: string): boolean {
  return slug.test(text) && text.length <= LIMITS.slug;
}

export function isSingleLine(text: string): boolean {
  return singleLine.test(text);
}

/** A real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(text: string): boolean {
  return Format.IsDate(text);
}

export function isProvider(text: string): boolean {
  return provider.test(text) && fitsLimit(text, LIMITS.provider);
}

export function isWatchLinkUrl(url: string): boolean {
  return watchLinkUrl.test(url) && url.length <= LIMITS.watchLinkUrl && Format.IsUri(url);
}

export function isCatalogNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= NUMBER_RANGE.min && value <= NUMBER_RANGE.max;
}

/** A season or episode number typed into a form ("7", not "07x" or "1e3"), or null. */
export function parseCatalogNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return isCatalogNumber(n) ? n : null;
}

/** "1 to 100,000", for sentences. */
export const NUMBER_RANGE_TEXT = `${NUMBER_RANGE.min} to ${NUMBER_RANGE.max.toLocaleString('en')}`;

/** A limit written for people: 20,000. */
export const formatLimit = (n: number) => n.toLocaleString('en');
