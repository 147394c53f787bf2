/**
 * Dates, counts and decimals in the language in force, through Intl. One formatter per language
 * and style, made on first use: building an Intl formatter costs far more than using one, and a
 * long ranking formats hundreds of dates and counts.
 *
 * Dates are stored as text ("2003-09-25") and formatted in UTC from that text, so a server's time
 * zone never moves an air date by a day.
 */
import { currentLanguage } from './context.js';
import type { LanguageTag } from './languages.js';

const formatters = new Map<string, unknown>();

function formatter<T>(kind: string, make: (language: LanguageTag) => T): T {
  const language = currentLanguage();
  const key = `${language} ${kind}`;
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    made = make(language);
    formatters.set(key, made);
  }
  return made;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayOf(isoDate: string | null | undefined): Date | null {
  const match = isoDate ? ISO_DAY.exec(isoDate) : null;
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // 2003-02-31 is not a day: Date would roll it into March.
  return date.getUTCMonth() === Number(match[2]) - 1 ? date : null;
}

/** "2003-09-25" → "September 25, 2003" / "2003年9月25日" / "25 de septiembre de 2003"; null or malformed → null. */
export function formatDate(isoDate: string | null): string | null {
  const day = dayOf(isoDate);
  return day && formatter('date-long', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' })).format(day);
}

/** "2026-11-01T10:05:07.123Z" (or "2026-11-01") → "Nov 1, 2026": the UTC day the timestamp names, for a narrow column; malformed → null. */
export function formatShortDate(iso: string): string | null {
  const day = dayOf(iso.slice(0, 10));
  return day && formatter('date-medium', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' })).format(day);
}

/** "2003-09-25" → "2003": a year alone, as the language writes one. */
export function formatYear(isoDate: string | null): string | null {
  const day = dayOf(isoDate);
  return day && formatter('year', (l) => new Intl.DateTimeFormat(l, { year: 'numeric', timeZone: 'UTC' })).format(day);
}

/** 12345 → "12,345" / "12.345": a whole count. */
export function formatCount(count: number): string {
  return formatter('count', (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 })).format(count);
}

/**
 * "8.50" → "8.50" / "8,50": a decimal the ranking computed exactly as text (src/ranking/ranking.ts)
 * keeps its digits; only the separator becomes the language's. Never goes through a float.
 */
export function formatDecimalText(text: string): string {
  const separator = formatter('decimal', (l) => new Intl.NumberFormat(l, { minimumFractionDigits: 1 }))
    .formatToParts(1.5)
    .find((part) => part.type === 'decimal')!.value;
  return separator === '.' ? text : text.replace('.', separator);
}

/** 0.125 → "12.5%" / "12,5 %": a share, with one decimal. */
export function formatPercent(share: number): string {
  return formatter('percent', (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 })).format(share);
}

/** 9.075 → "9.08"/"9,08": a computed number with two decimals (a trend line's value, a chart's range). */
export function formatTwoDecimals(value: number): string {
  return formatter('two-decimals', (l) => new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value);
}

/** ["a", "b", "c"] → "a, b, and c" / "a、b、c" / "a, b y c". */
export function formatList(items: readonly string[]): string {
  return formatter('list', (l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' })).format(items);
}
