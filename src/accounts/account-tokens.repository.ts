/**
 * The mailed single-use links as stored (`account_tokens`, migration 0018: only each token's
 * SHA-256), and the account columns those links change: the verified time and the address.
 */
import type { Kysely } from 'kysely';
import type { AccountTokenPurpose, Database } from '../db/schema.js';

export interface StoredLinkToken {
  userId: number;
  newEmail: string | null;
  expiresAt: string;
  usedAt: string | null;
}

/** SQL for mailed links and the address columns of `users`. */
export class AccountTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(token: { id: string; userId: number; purpose: AccountTokenPurpose; newEmail?: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db
      .insertInto('account_tokens')
      .values({
        id: token.id,
        user_id: token.userId,
        purpose: token.purpose,
        new_email: token.newEmail ?? null,
        created_at: token.createdAt,
        expires_at: token.expiresAt,
        used_at: null,
      })
      .execute();
  }

  /** How many links of `purpose` the account has that still work at `now`. */
  async countLive(userId: number, purpose: AccountTokenPurpose, now: string): Promise<number> {
    const row = await this.db
      .selectFrom('account_tokens')
      .select((eb) => eb.fn.countAll<number | string>().as('live'))
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(row.live);
  }

  async find(id: string, purpose: AccountTokenPurpose): Promise<StoredLinkToken | null> {
    const row = await this.db
      .selectFrom('account_tokens')
      .select(['user_id', 'new_email', 'expires_at', 'used_at'])
      .where('id', '=', id)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    return row ? { userId: row.user_id, newEmail: row.new_email, expiresAt: row.expires_at, usedAt: row.used_at } : null;
  }

  /**
   * Marks a link used if it still works: one statement, so of two requests racing with the same
   * link exactly one gets true.
   */
  async consume(id: string, purpose: AccountTokenPurpose, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends every unused link of `purpose` of an account (a reset retires the other reset links). */
  async retire(userId: number, purpose: AccountTokenPurpose, now: string): Promise<void> {
    await this.db
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
  }

  /** When the account's address was proved, or null (also for an unknown account). */
  async emailVerifiedAt(userId: number): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('email_verified_at').where('id', '=', userId).executeTakeFirst();
    return row?.email_verified_at ?? null;
  }

  /** Records that the owner proved the current address (a first proof is kept). */
  async markVerified(userId: number, now: string): Promise<void> {
    await this.db.updateTable('users').set({ email_verified_at: now }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
  }

  /** Moves the account to a proved new address; a taken address fails the unique index (isUniqueViolation). */
  async changeEmail(userId: number, email: string, now: string): Promise<void> {
    await this.db.updateTable('users').set({ email: email.toLowerCase(), email_verified_at: now, updated_at: now }).where('id', '=', userId).execute();
  }
}
