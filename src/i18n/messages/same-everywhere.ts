/**
 * Messages that are rightly the same words in every language: brand names, codes, a sign. The
 * catalogue test (test/i18n/catalogue.test.ts) fails on any other message a language left in
 * English; a key belongs here only when a translator would write it unchanged.
 */
import type { MessageKey } from './en.js';

export const SAME_IN_EVERY_LANGUAGE: ReadonlySet<MessageKey> = new Set<MessageKey>(['layout.api']);
