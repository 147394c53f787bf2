/**
 * Why a flag was raised, in words a moderator reads in their own language. The scheduled checks
 * (stuffing-checks.ts) state a reason as a message key and its figures; the flag stores that as
 * JSON in `moderation_flags.reason`, language-neutral, and each page says it in the viewer's
 * language when it shows the flag. (Storing English and translating it back at display would need
 * the English parsed: the figures would have two homes.) Flags stored before this change hold an
 * English sentence, shown as it is. The webhook, for machines and operators' chat rooms, says it in
 * English, as logs do.
 */
import type { LanguageTag } from '../i18n/languages.js';
import { t, tIn } from '../i18n/translate.js';

const REASON_KEYS = ['admin.flagReasonRate', 'admin.flagReasonExtreme', 'admin.flagReasonNoVotes'] as const;

/** A reason as a check states it: which sentence, and its figures (numbers unformatted, a show's title as it is). */
export interface FlagReason {
  key: (typeof REASON_KEYS)[number];
  values: Record<string, string | number>;
}

/** What the flag stores. */
export function storedReason(reason: FlagReason): string {
  return JSON.stringify(reason);
}

function parsed(stored: string): FlagReason | null {
  if (!stored.startsWith('{')) return null;
  try {
    const reason = JSON.parse(stored) as Partial<FlagReason>;
    const known = (REASON_KEYS as readonly string[]).includes(String(reason.key));
    return known && reason.values && typeof reason.values === 'object' ? (reason as FlagReason) : null;
  } catch {
    return null;
  }
}

/** A stored reason in words: in `language`, else the language in force; an older flag's English as stored. */
export function flagReasonText(stored: string, language?: LanguageTag): string {
  const reason = parsed(stored);
  if (!reason) return stored;
  return language ? tIn(language, reason.key, reason.values) : t(reason.key, reason.values);
}

/** A reason as a check states it, in words (tests, the webhook). */
export function reasonText(reason: FlagReason, language: LanguageTag = 'en'): string {
  return tIn(language, reason.key, reason.values);
}
