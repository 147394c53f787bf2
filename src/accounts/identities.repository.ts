/**
 * OpenID Connect identities as stored (`user_identities`, migration 0018) and what single sign-on
 * reads of an account besides: whether its address is verified and whether it has a password.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newPublicId } from '../shared/public-id.js';
import type { User } from './accounts.repository.js';

/** An account as single sign-on weighs it: an address proven or not, a password or none. */
export interface AccountStanding extends User {
  emailVerified: boolean;
  /** False for an account made by single sign-on (password_hash ''), which only signs in that way. */
  hasPassword: boolean;
}

/** SQL for the identities that sign in to accounts. */
export class IdentitiesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The account an identity signs in to, or null when the identity is new here. */
  async accountOf(issuer: string, subject: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('user_identities as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['u.id', 'u.email', 'u.display_name', 'u.role'])
      .where('i.issuer', '=', issuer)
      .where('i.subject', '=', subject)
      .executeTakeFirst();
    return row ? { id: row.id, email: row.email, displayName: row.display_name, role: row.role } : null;
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

  /**
   * A fan account without a password (password_hash '', which verifyPassword never accepts); a
   * taken address fails the unique index (see isUniqueViolation).
   */
  async insertPasswordless(user: { email: string; displayName: string; emailVerifiedAt: string | null }, now: string): Promise<User> {
    const row = await this.db
      .insertInto('users')
      .values({
        email: user.email.toLowerCase(),
        display_name: user.displayName,
        password_hash: '',
        role: 'fan',
        public_id: newPublicId(),
        created_at: now,
        updated_at: now,
        email_verified_at: user.emailVerifiedAt,
      })
      .returning(['id', 'email', 'display_name', 'role'])
      .executeTakeFirstOrThrow();
    return { id: row.id, email: row.email, displayName: row.display_name, role: row.role };
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
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
    hasPassword: row.password_hash !== '',
  };
}
