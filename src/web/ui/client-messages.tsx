/**
 * The words the client script (src/web/assets/site.js) shows, in the page's language: every
 * `client.*` message, written into the page as a JSON data block that the script reads once. A data
 * block is never executed, so the Content Security Policy (script-src 'self') has nothing to allow.
 *
 * The script does not run ICU MessageFormat. Each message is put into words here with its
 * placeholders left as `{name}` for the script to fill; a message with a plural is put into words
 * once per plural category of the language (`{ one: "{count} vote", other: "{count} votes" }`),
 * and the script picks the category with Intl.PluralRules and writes the number with
 * Intl.NumberFormat, in the page's language.
 */
import { currentLanguage } from '../../i18n/context.js';
import { intlFor, type MessageKey } from '../../i18n/translate.js';
import type { LanguageTag } from '../../i18n/languages.js';
import { h, type Html, raw } from './jsx.js';

/** The id the script finds the block by. */
export const CLIENT_MESSAGES_ID = 'client-messages';

/** Every client message's placeholders; `plural` names the one a plural chooses its words by. */
const CLIENT_MESSAGES: Record<Extract<MessageKey, `client.${string}`>, { values?: readonly string[]; plural?: string }> = {
  'client.linkCopied': {},
  'client.copyFailed': {},
  'client.powCannotSolve': {},
  'client.powWorking': {},
  'client.powProgress': { plural: 'tries' },
  'client.powNoAnswer': {},
  'client.powDone': {},
  'client.powFinishing': {},
  'client.votes': { plural: 'count' },
  'client.rate': {},
  'client.rateLabel': { values: ['title'] },
  'client.yourRating': { values: ['rating'] },
  'client.changeRatingLabel': { values: ['rating', 'title'] },
  'client.ratingRemoved': {},
  'client.saved': { values: ['rating'] },
  'client.savedHeld': { values: ['rating', 'message'] },
  'client.youRated': { values: ['rating'] },
  'client.heldMarker': {},
  'client.fewVotes': {},
  'client.rankOf': { values: ['rank', 'of'] },
  'client.notYetRated': {},
  'client.saving': {},
  'client.calculating': { values: ['detail'] },
  'client.voteNotSaved': {},
  'client.voteNotSent': {},
  'client.legendOf': { values: ['title'] },
  'client.suggestions': {},
  'client.suggestionEpisode': { values: ['title', 'show', 'season', 'episode'] },
  'client.noSuggestions': {},
  'client.suggestionCount': { plural: 'count' },
};

/** Numbers to try for each plural category: one of them falls in every category a language has for whole numbers. */
const SAMPLES = [1, 2, 0, 3, 5, 11, 21, 100, 101, 1_000_000];

const placeholders = (names: readonly string[] = []) => Object.fromEntries(names.map((name) => [name, `{${name}}`]));

/** A plural message in words once per category, its number left as `{name}`. */
function pluralForms(language: LanguageTag, key: MessageKey, name: string, values: Record<string, string>): Record<string, string> {
  const intl = intlFor(language);
  const rules = new Intl.PluralRules(language);
  const forms: Record<string, string> = {};
  for (const category of rules.resolvedOptions().pluralCategories) {
    const sample = SAMPLES.find((n) => rules.select(n) === category);
    if (sample === undefined) continue;
    forms[category] = intl.formatMessage({ id: key }, { ...values, [name]: sample }).replace(intl.formatNumber(sample), `{${name}}`);
  }
  return forms;
}

/** The client messages of a language, as the script reads them. */
export function clientMessages(language: LanguageTag): Record<string, string | Record<string, string>> {
  const messages: Record<string, string | Record<string, string>> = {};
  for (const [key, shape] of Object.entries(CLIENT_MESSAGES) as [MessageKey, { values?: string[]; plural?: string }][]) {
    const values = placeholders(shape.values);
    messages[key] = shape.plural ? pluralForms(language, key, shape.plural, values) : intlFor(language).formatMessage({ id: key }, values);
  }
  return messages;
}

const made = new Map<LanguageTag, string>();

/** The JSON, escaped so that nothing in it can end the script element: made once per language. */
function clientMessagesJson(language: LanguageTag): string {
  let json = made.get(language);
  if (json === undefined) {
    json = JSON.stringify(clientMessages(language)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
    made.set(language, json);
  }
  return json;
}

/** The data block the layout puts on every page. */
export function ClientMessages(): Html {
  return (
    <script type="application/json" id={CLIENT_MESSAGES_ID}>
      {raw(clientMessagesJson(currentLanguage()))}
    </script>
  );
}
