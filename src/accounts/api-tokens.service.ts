/**
 * The rules of personal API tokens: what a token looks like, what name it may have, how many an
 * account may hold, and how a request's token is checked. A token is `epr_` and 32 random bytes in
 * base64url; the prefix lets a secret scanner (or a fan) recognise one in a paste. Only its SHA-256
 * is stored, and a token is found by that hash: nothing secret is compared in the application.
 */
import { createHash, randomBytes } from 'node:crypto';
import { nowTimestamp } from '../db/dialect.js';
import type { Store } from '../db/store.js';
import { FormError } from '../shared/errors.js';
import { t } from '../i18n/translate.js';
import type { User } from './accounts.repository.js';
import type { ApiTokenOwner, ApiTokenSummary, ApiTokensRepository } from './api-tokens.repository.js';

/** What every personal token starts with. */
export const API_TOKEN_PREFIX = 'epr_';
/** The whole token as a client sends it: the prefix and 43 base64url characters (32 bytes). */
const TOKEN_SHAPE = /^epr_[A-Za-z0-9_-]{43}$/;

/** A token's name: what the fan calls the script that holds it. */
export const API_TOKEN_NAME_LENGTH = { min: 1, max: 80 } as const;

/**
 * Tokens one account may hold at a time: enough for every script a fan runs, few enough that the
 * list fits one page and a stolen session cannot mint tokens without end.
 */
export const MAX_API_TOKENS_PER_ACCOUNT = 20;

/** How stale a token's "last used" may be: a busy script writes it once a minute, not per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Refused when the account holds MAX_API_TOKENS_PER_ACCOUNT already, in the language in force. */
export const tooManyTokens = () => t('account.tooManyTokens', { max: MAX_API_TOKENS_PER_ACCOUNT });

/** A token just created: the secret, shown once and never again, and its entry in the list. */
export interface CreatedApiToken {
  secret: string;
  token: ApiTokenSummary;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export class ApiTokensService {
  constructor(
    private readonly store: Store<{ apiTokens: ApiTokensRepository }>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Creates a named token for the account, within the cap; the secret is returned once. */
  async create(user: Pick<User, 'id'>, rawName: string): Promise<CreatedApiToken> {
    const name = rawName.trim();
    if (name.length < API_TOKEN_NAME_LENGTH.min || name.length > API_TOKEN_NAME_LENGTH.max) {
      throw new FormError({ name: t('account.tokenNameProblem', API_TOKEN_NAME_LENGTH) });
    }
    const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const token = await this.store.transact(async (tx) => {
      await tx.apiTokens.lockOwner(user.id);
      if ((await tx.apiTokens.count(user.id)) >= MAX_API_TOKENS_PER_ACCOUNT) throw new FormError({ form: tooManyTokens() });
      return tx.apiTokens.insert({ userId: user.id, name, tokenHash: hashOf(secret), createdAt: nowTimestamp(this.clock) });
    });
    return { secret, token };
  }

  /** The account's tokens, newest first (at most MAX_API_TOKENS_PER_ACCOUNT: one page). */
  list(user: Pick<User, 'id'>): Promise<ApiTokenSummary[]> {
    return this.store.read.apiTokens.list(user.id);
  }

  /** Revokes one of the account's tokens at once; false if the account has no token with that id. */
  revoke(user: Pick<User, 'id'>, id: number): Promise<boolean> {
    return this.store.read.apiTokens.delete(user.id, id);
  }

  /**
   * The token and account behind a secret a request sent, or null for a malformed, unknown or
   * revoked one. Stamps "last used" when the stamp is over a minute old.
   */
  async authenticate(secret: string): Promise<ApiTokenOwner | null> {
    // A malformed token costs no query.
    if (!TOKEN_SHAPE.test(secret)) return null;
    const found = await this.store.read.apiTokens.findByHash(hashOf(secret));
    if (!found) return null;
    const now = this.clock();
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
    if (found.token.lastUsedAt === null || found.token.lastUsedAt < staleBefore) {
      await this.store.read.apiTokens.touch(found.token.id, now.toISOString(), staleBefore);
      return { ...found, token: { ...found.token, lastUsedAt: now.toISOString() } };
    }
    return found;
  }
}
