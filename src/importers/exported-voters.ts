/**
 * How voters are named in an exported file, and how those names map back to voters here.
 * Anonymous voters keep their random id (`a:…`). Account voters travel as `p:<public id>`, never
 * as their account number: `u:3` is somebody else in another database, and ratings exported that
 * way once became the ratings of whoever held that number there. On import, `p:<public id>`
 * becomes the account with that public id; where no such account exists, the rating keeps the
 * `p:` name as its voter id, so it still counts but belongs to nobody who can sign in.
 */
import { accountIdOfVoter, accountVoter } from '../accounts/accounts.service.js';
import { PUBLIC_ID_PATTERN } from '../shared/public-id.js';
import type { VoterKind } from '../db/schema.js';

export const ANONYMOUS_PREFIX = 'a:';
export const ACCOUNT_PREFIX = 'p:';

/** Every voter id a file may carry (JSON Schema `pattern`). */
export const EXPORTED_VOTER_PATTERN = `^(${ANONYMOUS_PREFIX}|${ACCOUNT_PREFIX})${PUBLIC_ID_PATTERN}$`;

/** The kind a file's voter id must be listed with. */
export const kindOfExportedVoter = (voter: string): VoterKind => (voter.startsWith(ACCOUNT_PREFIX) ? 'account' : 'anonymous');

/** The public ids of accounts named by a file's voter ids. */
export const publicIdsIn = (voters: Iterable<string>): string[] =>
  [...voters].filter((v) => v.startsWith(ACCOUNT_PREFIX)).map((v) => v.slice(ACCOUNT_PREFIX.length));

/** The account numbers behind stored voter ids. */
export const accountIdsIn = (voters: Iterable<string>): number[] => [...new Set([...voters].map(accountIdOfVoter).filter((id): id is number => id !== null))];

/**
 * A stored voter id as written to a file: null for the ratings of an account that no longer
 * exists, which have nobody left to travel with.
 */
export function exportedVoter(stored: string, publicIdOfAccount: ReadonlyMap<number, string>): string | null {
  const accountId = accountIdOfVoter(stored);
  if (accountId === null) return stored;
  const publicId = publicIdOfAccount.get(accountId);
  return publicId === undefined ? null : `${ACCOUNT_PREFIX}${publicId}`;
}

/** A file's voter id as stored here. */
export function storedVoter(voter: string, accountOfPublicId: ReadonlyMap<string, number>): string {
  if (!voter.startsWith(ACCOUNT_PREFIX)) return voter;
  const accountId = accountOfPublicId.get(voter.slice(ACCOUNT_PREFIX.length));
  return accountId === undefined ? voter : accountVoter({ id: accountId }).id;
}
