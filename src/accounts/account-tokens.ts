/**
 * The single-use links mailed to fans (verify an address, reset a password, confirm a new address):
 * how long each lives, how many may be live at once, and how a token is made and recognised. The
 * link carries a random token; the database keeps only its SHA-256 (migration 0018), as it does for
 * sessions, so a leaked database opens no account.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AccountTokenPurpose } from '../db/schema.js';
import { t } from '../i18n/translate.js';

/**
 * How long a mailed link works, by purpose. A reset link is short-lived (an hour, as OWASP's
 * forgot-password cheat sheet suggests): it sets a password, and a mailbox is read on many devices.
 * The address links only prove an address, and mail is sometimes read a day late.
 */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  'reset-password': 60 * 60_000,
  'verify-email': 24 * 60 * 60_000,
  'change-email': 24 * 60 * 60_000,
};

/**
 * Live (unused, unexpired) links of one purpose an account may have: a further request sends no
 * mail, so nobody can fill a fan's mailbox by asking again and again from many networks.
 */
export const LIVE_TOKENS_PER_ACCOUNT = 3;

/** The lifetime in words, in the language in force, for the mails that state it. */
export function lifetimeInWords(purpose: AccountTokenPurpose): string {
  const minutes = TOKEN_LIFETIME_MS[purpose] / 60_000;
  return minutes % 60 === 0 ? t('mail.lifetimeHours', { count: minutes / 60 }) : t('mail.lifetimeMinutes', { count: minutes });
}

/** A new token for a link: 32 random bytes, base64url (43 characters). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored id of a token, or null for text that cannot be one of ours (not worth a query). */
export function linkTokenId(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}
