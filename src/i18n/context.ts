/**
 * Which language the work in hand speaks: a request's (set by src/http/language.ts for the whole
 * request), or one chosen for a piece of work outside a request (a mail sent after commit, a
 * test). Components ask for it instead of being handed it through every prop.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type LanguageTag, SOURCE_LANGUAGE } from './languages.js';

/**
 * Which of a show's or episode's titles a visitor reads first: as the catalogue lists it, the
 * original (native script), its romanisation, or the one in the interface language where known.
 */
export type TitlePreference = 'listed' | 'original' | 'romaji' | 'language';
export const TITLE_PREFERENCES: readonly TitlePreference[] = ['listed', 'original', 'romaji', 'language'];

export interface LanguageContext {
  language: LanguageTag;
  /** The visitor's title preference (a cookie); 'listed' when they chose none. */
  titles?: TitlePreference;
  /** The country whose watch links come first (ISO 3166-1 alpha-2, upper case): chosen, else the language's region. */
  country?: string;
  /**
   * The language was asked for in the address (`?lang=ja`): the page's own links carry it on, so a
   * page opened from a search engine's Japanese result stays Japanese without a cookie.
   */
  inAddress: boolean;
}

const storage = new AsyncLocalStorage<LanguageContext>();

/** The default when nothing chose: set once at start from DEFAULT_LANGUAGE. */
let fallback: LanguageContext = { language: SOURCE_LANGUAGE, inAddress: false };

export function setDefaultLanguage(language: LanguageTag): void {
  fallback = { language, inAddress: false };
}

export function defaultLanguage(): LanguageTag {
  return fallback.language;
}

/** The language in force here. */
export function currentLanguage(): LanguageTag {
  return (storage.getStore() ?? fallback).language;
}

export function currentLanguageContext(): LanguageContext {
  return storage.getStore() ?? fallback;
}

/**
 * What, besides the address, an answer depends on for every visitor alike: the page cache keeps one
 * copy per value (src/http/cached-responder.ts).
 */
export function displayKey(context: LanguageContext = currentLanguageContext()): string {
  return `${context.language}${context.inAddress ? '!' : ''}|${context.titles ?? 'listed'}|${context.country ?? ''}`;
}

/** Runs `work` (and everything it awaits) in a language. */
export function withLanguage<T>(context: LanguageContext | LanguageTag, work: () => T): T {
  return storage.run(typeof context === 'string' ? { language: context, inAddress: false } : context, work);
}
