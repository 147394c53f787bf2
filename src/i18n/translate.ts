/**
 * Messages by key, in the language in force (src/i18n/context.ts), through FormatJS: ICU
 * MessageFormat for plurals, selects, numbers and dates. One IntlShape per language, built on first
 * use and kept: FormatJS caches each parsed message and each Intl formatter in it, so a long page's
 * thousand calls parse nothing twice.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { currentLanguage } from './context.js';
import { LANGUAGES, type LanguageTag } from './languages.js';
import type { MessageKey } from './messages/en.js';

export type { MessageKey };

/** What a message's placeholders may be given. */
export type MessageValues = Record<string, string | number | Date | null | undefined>;

const cache = createIntlCache();
const shapes = new Map<LanguageTag, IntlShape<string>>();

/** The FormatJS shape for a language: its messages and formatters. */
export function intlFor(language: LanguageTag): IntlShape<string> {
  let shape = shapes.get(language);
  if (!shape) {
    const { messages } = LANGUAGES.find((l) => l.tag === language)!;
    shape = createIntl(
      {
        locale: language,
        messages,
        // A missing key cannot type-check; an error in a message is a bug to hear about in tests, not a log line per render.
        onError: (error) => {
          throw error;
        },
      },
      cache,
    );
    shapes.set(language, shape);
  }
  return shape;
}

/** A message in the language in force, its placeholders filled. */
export function t(key: MessageKey, values?: MessageValues): string {
  return intlFor(currentLanguage()).formatMessage({ id: key }, values as Record<string, string | number | Date>);
}

/** A message in a named language (a mail to an account in its own language, a test). */
export function tIn(language: LanguageTag, key: MessageKey, values?: MessageValues): string {
  return intlFor(language).formatMessage({ id: key }, values as Record<string, string | number | Date>);
}

/**
 * A message whose placeholders may be rich parts (a link around some of its words: `<link>…</link>`
 * in the message, a function in `values`): the parts in order, for the caller to join. Strings
 * among them are the message's own words or the caller's text, not yet escaped.
 */
export function tParts<Part>(key: MessageKey, values: Record<string, string | number | Part | ((chunks: Array<string | Part>) => Part)>): Array<string | Part> {
  const result = intlFor(currentLanguage()).formatMessage({ id: key }, values as never) as unknown;
  return Array.isArray(result) ? (result as Array<string | Part>) : [result as string | Part];
}
