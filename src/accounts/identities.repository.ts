/**
 * OpenID Connect identities as stored (`user_identities`, migration 0018) and what single sign-on
 * reads of an account besides: whether its address is verified and whether it has a password.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { NO_PASSWORD_HASH, selectUsers, toUser, type User } from './accounts.repository.js';

/** An account as single sign-on weighs it: an address proven or not, a password or none. */
export interface AccountStanding extends User {
  emailVerified: boolean;
  /** False for an account made by single sign-on (NO_PASSWORD_HASH), which only signs in that way. */
  hasPassword: boolean;
}

/** SQL for the identities that sign in to accounts. */
export class IdentitiesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The account an identity signs in to, or null when the identity is new here. */
  async accountOf(issuer: string, subject: string): Promise<User | null> {
    const row = await selectUsers(this.db)
      .innerJoin('user_identities as i', 'i.user_id', 'u.id')
      .where('i.issuer', '=', issuer)
      .where('i.subject', '=', subject)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** Whether an account has an identity from this issuer. */
  async isLinked(userId: number, issuer: string): Promise<boolean> {
    const row = await this.db.selectFrom('user_identities').select('subject').where('user_id', '=', userId).where('issuer', '=', issuer).executeTakeFirst();
    return row !== undefined;
  }

  /** Adds an identity; one already stored fails the primary key (see isUniqueViolation). */
  async link(identity: { issuer: string; subject: string; userId: number }, now: string): Promise<void> {
    await this.db
      .insertInto('user_identities')
      .values({ issuer: identity.issuer, subject: identity.subject, user_id: identity.userId, created_at: now })
      .execute();
  }

  async standingByEmail(email: string): Promise<AccountStanding | null> {
    const row = await this.standing().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row ? toStanding(row) : null;
  }

  async standingById(id: number): Promise<AccountStanding | null> {
    const row = await this.standing().where('id', '=', id).executeTakeFirst();
    return row ? toStanding(row) : null;
  }

  private standing() {
    return this.db.selectFrom('users').select(['id', 'email', 'display_name', 'role', 'email_verified_at', 'password_hash']);
  }
}

function toStanding(row: {
  id: number;
  email: string;
  display_name: string;
  role: User['role'];
  email_verified_at: string | null;
  password_hash: string;
}): AccountStanding {
  return { ...toUser(row), emailVerified: row.email_verified_at !== null, hasPassword: row.password_hash !== NO_PASSWORD_HASH };
}
