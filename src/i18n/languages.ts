/**
 * The interface languages: the one list. Adding a language is one message file
 * (src/i18n/messages/<tag>.ts, every key of English's, TypeScript says which are missing) and one
 * line here (CONTRIBUTING.md, "Adding a language").
 */
import { en, type Messages } from './messages/en.js';
import { es } from './messages/es.js';
import { ja } from './messages/ja.js';

export interface Language {
  /** The BCP 47 tag: `<html lang>`, `?lang=`, the language cookie, hreflang. */
  readonly tag: string;
  /** The language's own name for itself, as the language menu lists it. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  /**
   * The region a visitor of this language is most likely in when they chose none (ISO 3166):
   * whose watch links come first until they choose a country.
   */
  readonly region: string;
  readonly messages: Messages;
}

export const LANGUAGES = [
  { tag: 'en', name: 'English', dir: 'ltr', region: 'US', messages: en },
  { tag: 'ja', name: '日本語', dir: 'ltr', region: 'JP', messages: ja },
  { tag: 'es', name: 'Español', dir: 'ltr', region: 'ES', messages: es },
] as const satisfies readonly Language[];

export type LanguageTag = (typeof LANGUAGES)[number]['tag'];

/** The language of the code's own wording, which every other is checked against. */
export const SOURCE_LANGUAGE: LanguageTag = 'en';

/** The query parameter naming a page's language: its language address (src/http/language.ts). */
export const LANGUAGE_PARAM = 'lang';

/**
 * A page's address in a language: the default language's is the page's own address, every other's
 * adds `?lang=`. Canonical links and hreflang alternates are built here.
 */
export function languageAddress(url: string, tag: LanguageTag, defaultTag: LanguageTag): string {
  if (tag === defaultTag) return url;
  const hashAt = url.indexOf('#');
  const [base, hash] = hashAt < 0 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  return `${base}${base.includes('?') ? '&' : '?'}${LANGUAGE_PARAM}=${tag}${hash}`;
}

export const LANGUAGE_TAGS: readonly LanguageTag[] = LANGUAGES.map((language) => language.tag);

const BY_TAG = new Map<string, Language>(LANGUAGES.map((language) => [language.tag, language]));

/** The language a tag names exactly (`ja`), or undefined. */
export function languageOf(tag: string | undefined | null): Language | undefined {
  return tag ? BY_TAG.get(tag) : undefined;
}

export function isLanguageTag(tag: unknown): tag is LanguageTag {
  return typeof tag === 'string' && BY_TAG.has(tag);
}
