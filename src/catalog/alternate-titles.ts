/**
 * A show's or an episode's other titles (issue 26, migration 0025), stated once: what a title's
 * language tag looks like, how many a record may carry, how they are written as text (one
 * `language: title` per line in the admin form, joined by `|` in a CSV cell), and which one a
 * visitor reads first given their title preference. The record's own `title` stays the title as
 * the site lists it; these are the others (native script, romanisation, translations), one of
 * which may be the original.
 */
import { currentLanguageContext, type TitlePreference } from '../i18n/context.js';
import { fitsLimit, isSingleLine } from './catalog-rules.js';

export interface AlternateTitle {
  title: string;
  /** A BCP 47 tag, with the script where it matters: `ja` native, `ja-Latn` romaji, `en`, `es`. */
  language: string;
  /** The title it first aired under; at most one per record. */
  original: boolean;
}

/** Titles a show or an episode may carry besides the listed one. */
export const MAX_ALTERNATE_TITLES = 20;
/** Longest alternate title, in characters: the listed titles' limit (LIMITS.showTitle, LIMITS.episodeTitle). */
export const ALTERNATE_TITLE_MAX_LENGTH = 300;
/** Longest language tag (BCP 47 allows 35; a language, script and region need 11). */
export const LANGUAGE_TAG_MAX_LENGTH = 35;

/**
 * A language tag as written here: a language (2–3 lower-case letters), then optionally a script
 * (4 letters, capitalised: `Latn`, `Hira`) and a region (2 capitals or 3 digits). Written one way
 * so that `ja-latn` and `ja-Latn` cannot name two titles.
 */
export const LANGUAGE_TAG_PATTERN = '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$';
export const LANGUAGE_TAG_RULE = 'a language tag such as ja, ja-Latn (romaji), en or pt-BR';
const languageTag = new RegExp(LANGUAGE_TAG_PATTERN);

export function isTitleLanguage(text: string): boolean {
  return languageTag.test(text);
}

/**
 * What is wrong with a list of titles, in words (empty when nothing is): the checks a schema
 * cannot make, shared by the import, the CSV reader and the admin form.
 */
export function alternateTitleProblems(titles: readonly AlternateTitle[]): string[] {
  const problems: string[] = [];
  if (titles.length > MAX_ALTERNATE_TITLES) problems.push(`at most ${MAX_ALTERNATE_TITLES} titles, not ${titles.length}`);
  if (titles.filter((t) => t.original).length > 1) problems.push('only one title can be the original');
  const seen = new Set<string>();
  for (const t of titles) {
    if (!isTitleLanguage(t.language)) problems.push(`"${t.language}" is not ${LANGUAGE_TAG_RULE}`);
    if (t.title.trim() === '' || !isSingleLine(t.title) || !fitsLimit(t.title, ALTERNATE_TITLE_MAX_LENGTH))
      problems.push(`"${t.title}" must be 1 to ${ALTERNATE_TITLE_MAX_LENGTH} characters on one line`);
    const key = `${t.language}\n${t.title}`;
    if (seen.has(key)) problems.push(`"${t.language}: ${t.title}" appears twice`);
    seen.add(key);
  }
  return problems;
}

export function sameAlternateTitles(a: readonly AlternateTitle[], b: readonly AlternateTitle[]): boolean {
  return a.length === b.length && a.every((t, i) => t.title === b[i]!.title && t.language === b[i]!.language && t.original === b[i]!.original);
}

// ——— As text: `ja*: カレイドスター` (the star marks the original) ———

/** One title as a line: `language: title`, `language*: title` for the original. */
export function titleLine(t: AlternateTitle): string {
  return `${t.language}${t.original ? '*' : ''}: ${t.title}`;
}

/** One line read back, or a problem in words. */
export function parseTitleLine(line: string): AlternateTitle | string {
  const colon = line.indexOf(':');
  if (colon < 0) return `"${line.trim()}" needs a language before a colon, e.g. "ja: カレイドスター"`;
  let language = line.slice(0, colon).trim();
  const original = language.endsWith('*');
  if (original) language = language.slice(0, -1).trim();
  const title = line.slice(colon + 1).trim();
  if (!isTitleLanguage(language)) return `"${language}" is not ${LANGUAGE_TAG_RULE}`;
  if (title === '') return `"${line.trim()}" has no title after the colon`;
  return { title, language, original };
}

/** The admin form's text: one title a line; blank lines are skipped. Titles, or the problems found. */
export function parseTitleLines(text: string): { titles: AlternateTitle[]; problems: string[] } {
  return parseEntries(text.split(/\r?\n/));
}

export function titleLines(titles: readonly AlternateTitle[]): string {
  return titles.map(titleLine).join('\n');
}

/** A CSV cell: entries joined by `|`; a `|` or `\` inside a title is written `\|` or `\\`. */
export function titlesCell(titles: readonly AlternateTitle[]): string {
  return titles.map((t) => titleLine({ ...t, title: t.title.replace(/[\\|]/g, (c) => `\\${c}`) })).join(' | ');
}

export function parseTitlesCell(cell: string): { titles: AlternateTitle[]; problems: string[] } {
  const entries: string[] = [];
  let entry = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) entry += cell[++i];
    else if (c === '|') {
      entries.push(entry);
      entry = '';
    } else entry += c;
  }
  return parseEntries([...entries, entry]);
}

function parseEntries(entries: readonly string[]): { titles: AlternateTitle[]; problems: string[] } {
  const titles: AlternateTitle[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    if (entry.trim() === '') continue;
    const parsed = parseTitleLine(entry);
    if (typeof parsed === 'string') problems.push(parsed);
    else titles.push(parsed);
  }
  if (problems.length === 0) problems.push(...alternateTitleProblems(titles));
  return { titles, problems };
}

// ——— Which title a visitor reads first ———

/** A title to print, with its language when known (for the `lang` attribute). */
export interface ShownTitle {
  title: string;
  language: string | null;
}

const baseOf = (tag: string) => tag.split('-')[0]!;
const isLatin = (tag: string) => tag.split('-').includes('Latn');

/**
 * The title a visitor with `preference` reads first, reading the interface in `interfaceLanguage`:
 * - `listed`: the record's own title;
 * - `original`: the one marked original;
 * - `romaji`: the Latin-script title of the original's language (`ja-Latn` for a `ja` original);
 * - `language`: the interface language's own title (`ja` for a Japanese interface, never its romaji).
 * Whatever the preference cannot find falls back to the listed title, and an episode with no listed
 * title to its original, else its first other title; null when it has none at all.
 */
export function preferredTitle(
  listed: string | null,
  titles: readonly AlternateTitle[],
  preference: TitlePreference,
  interfaceLanguage: string,
): ShownTitle | null {
  const pick = pickTitle(titles, preference, interfaceLanguage) ?? (listed === null ? (titles.find((t) => t.original) ?? titles[0]) : undefined);
  if (pick) return { title: pick.title, language: pick.language };
  if (listed === null) return null;
  return { title: listed, language: titles.find((t) => t.title === listed)?.language ?? null };
}

/** `preferredTitle` for the visitor of the request in hand (their title preference and interface language). */
export function visitorsTitle(listed: string | null, titles: readonly AlternateTitle[]): ShownTitle | null {
  const context = currentLanguageContext();
  return preferredTitle(listed, titles, context.titles ?? 'listed', context.language);
}

function pickTitle(titles: readonly AlternateTitle[], preference: TitlePreference, interfaceLanguage: string): AlternateTitle | undefined {
  switch (preference) {
    case 'listed':
      return undefined;
    case 'original':
      return titles.find((t) => t.original);
    case 'romaji': {
      const original = titles.find((t) => t.original);
      const latin = titles.filter((t) => isLatin(t.language));
      return original ? latin.find((t) => baseOf(t.language) === baseOf(original.language)) : latin[0];
    }
    case 'language':
      return titles.find((t) => t.language === interfaceLanguage) ?? titles.find((t) => baseOf(t.language) === interfaceLanguage && !isLatin(t.language));
  }
}

/**
 * Every title of a record once, the preferred first: the show page's header prints them side by
 * side ("カレイドスター · Kareido Sutā · Kaleido Star"), each in its own language.
 */
export function allTitles(listed: string | null, titles: readonly AlternateTitle[], preferred: ShownTitle | null): ShownTitle[] {
  const all: ShownTitle[] = preferred ? [preferred] : [];
  const add = (title: string, language: string | null) => {
    if (!all.some((t) => t.title === title)) all.push({ title, language });
  };
  for (const t of titles.filter((t) => t.original)) add(t.title, t.language);
  for (const t of titles.filter((t) => !t.original)) add(t.title, t.language);
  if (listed !== null) add(listed, titles.find((t) => t.title === listed)?.language ?? null);
  return all;
}
