/**
 * An account's public id: random, so it names the same account in every database it is copied
 * to and can never be mistaken for another account there (unlike the numeric id, which each
 * database hands out from 1). Exports name account voters by it.
 */
import { randomBytes } from 'node:crypto';

export function newPublicId(): string {
  // 128 random bits: 22 base64url characters.
  return randomBytes(16).toString('base64url');
}

/** What a public id looks like (also what an anonymous voter's token looks like). */
export const PUBLIC_ID_PATTERN = '[A-Za-z0-9_-]{1,62}';
