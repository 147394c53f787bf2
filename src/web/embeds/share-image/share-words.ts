/**
 * The share image's own words (its headings, the subtitle, an episode's code) in the request's
 * language, as long as its typefaces can draw them (share-font.ts). A language whose script no
 * loaded face has (Japanese on a machine without a Japanese font) gets the words in English
 * instead: a legible card in the source language beats a row of missing-glyph boxes. The page the
 * image previews, and the image's alternative text, stay in the reader's language either way.
 */
import { SOURCE_LANGUAGE } from '../../../i18n/languages.js';
import { type MessageKey, type MessageValues, t, tIn } from '../../../i18n/translate.js';
import { canDraw } from './share-font-metrics.js';

export function shareWords(key: MessageKey, values?: MessageValues): string {
  const words = t(key, values);
  return canDraw(words) ? words : tIn(SOURCE_LANGUAGE, key, values);
}
