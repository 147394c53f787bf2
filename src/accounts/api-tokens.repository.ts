/**
 * A fan's personal API tokens as stored (table `api_tokens`, migration 0018): only the SHA-256 of
 * each secret is kept, so a token is found by its hash and a leaked database holds no working token.
 */
import type { Kysely } from 'kysely';
import { dialectOfConnection, forUpdateWhereNeeded } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import type { User } from './accounts.repository.js';

/** A token as its owner's list shows it: never the secret, which is not kept. */
export interface ApiTokenSummary {
  id: number;
  name: string;
  createdAt: string;
  /** When a request last authenticated with it (at most a minute behind), or null if never. */
  lastUsedAt: string | null;
}

/** A token found by its hash, with the account it acts for. */
export interface ApiTokenOwner {
  token: ApiTokenSummary;
  user: User;
}

export class ApiTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Locks the owner's account row for the rest of the transaction (PostgreSQL; SQLite writes one
   * transaction at a time), so two tokens created at once cannot both slip under the cap.
   */
  async lockOwner(userId: number): Promise<void> {
    await forUpdateWhereNeeded(this.db.selectFrom('users').select('id').where('id', '=', userId), dialectOfConnection(this.db)).execute();
  }

  async count(userId: number): Promise<number> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(token: { userId: number; name: string; tokenHash: string; createdAt: string }): Promise<ApiTokenSummary> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, created_at: token.createdAt })
      .returning(['id', 'name', 'created_at', 'last_used_at'])
      .executeTakeFirstOrThrow();
    return toSummary(row);
  }

  /** The account's tokens, newest first. */
  async list(userId: number): Promise<ApiTokenSummary[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toSummary);
  }

  /** Deletes one of the account's tokens; false when it has none with that id (another's, or gone). */
  async delete(userId: number, id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('api_tokens').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The token with this hash and its account, or null. */
  async findByHash(tokenHash: string): Promise<ApiTokenOwner | null> {
    const row = await this.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.name', 't.created_at', 't.last_used_at', 'u.id as user_id', 'u.email', 'u.display_name', 'u.role'])
      .where('t.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    return { token: toSummary(row), user: { id: row.user_id, email: row.email, displayName: row.display_name, role: row.role } };
  }

  /**
   * Stamps the token as used at `now` unless it was stamped after `staleBefore`: the condition is
   * in the statement, so instances that check at the same moment write it once.
   */
  async touch(id: number, now: string, staleBefore: string): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
      .execute();
  }
}

function toSummary(row: { id: number; name: string; created_at: string; last_used_at: string | null }): ApiTokenSummary {
  return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}
