/**
 * Accounts and their sign-in sessions as stored: the row shapes pages read, and their SQL.
 */
import type { Kysely } from 'kysely';
import { dialectOfConnection, forUpdateWhereNeeded } from '../db/dialect.js';
import type { Database, Role } from '../db/schema.js';
import { newPublicId } from '../shared/public-id.js';

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
}

/** The password hash of an account made by single sign-on: verifyPassword never accepts it, so it signs in only that way. */
export const NO_PASSWORD_HASH = '';

export interface UserWithHash extends User {
  passwordHash: string;
}

/** SQL for accounts and their sessions. */
export class AccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByEmail(email: string): Promise<UserWithHash | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async findById(id: number): Promise<UserWithHash | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  /**
   * Inserts an account; a taken e-mail fails the unique index (see isUniqueViolation). Single
   * sign-on makes its accounts here too, with NO_PASSWORD_HASH.
   */
  async insert(user: { email: string; displayName: string; passwordHash: string; role: Role; emailVerifiedAt?: string | null }, now: string): Promise<User> {
    const row = await this.db
      .insertInto('users')
      .values({
        email: user.email.toLowerCase(),
        display_name: user.displayName,
        password_hash: user.passwordHash,
        role: user.role,
        public_id: newPublicId(),
        created_at: now,
        updated_at: now,
        email_verified_at: user.emailVerifiedAt ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async updatePassword(id: number, passwordHash: string, now: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
  }

  async setRole(id: number, role: Role, now: string): Promise<void> {
    await this.db.updateTable('users').set({ role, updated_at: now }).where('id', '=', id).execute();
  }

  /** `pendingVoterId`: an anonymous voter whose ratings the fan is asked to add (migration 0020). */
  async insertSession(session: { id: string; userId: number; createdAt: string; expiresAt: string; pendingVoterId?: string | null }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
        pending_voter_id: session.pendingVoterId ?? null,
      })
      .execute();
  }

  /** The anonymous voter whose ratings wait for the session's fan to add or leave them, or null. */
  async pendingVoter(sessionId: string): Promise<string | null> {
    const row = await this.db.selectFrom('sessions').select('pending_voter_id').where('id', '=', sessionId).executeTakeFirst();
    return row?.pending_voter_id ?? null;
  }

  /** Forgets the session's waiting voter, once the fan has answered. */
  async clearPendingVoter(sessionId: string): Promise<void> {
    await this.db.updateTable('sessions').set({ pending_voter_id: null }).where('id', '=', sessionId).execute();
  }

  /** The account behind a live session, or null for an unknown or expired one. */
  async sessionUser(sessionId: string, now: string): Promise<User | null> {
    const row = await selectUsers(this.db)
      .innerJoin('sessions as s', 's.user_id', 'u.id')
      .where('s.id', '=', sessionId)
      .where('s.expires_at', '>', now)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  /**
   * The admins' ids; on PostgreSQL their rows stay locked until the transaction ends, so two
   * admins deleting their accounts at once cannot both see the other as the one who remains.
   */
  async lockAdmins(): Promise<number[]> {
    const query = this.db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id');
    const rows = await forUpdateWhereNeeded(query, dialectOfConnection(this.db)).execute();
    return rows.map((r) => r.id);
  }

  /** Deletes an account and every session of it (audit entries keep its e-mail, migration 0004). */
  async deleteAccount(id: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    await this.db.deleteFrom('users').where('id', '=', id).execute();
  }

  /** Ends every session of an account but one (after a password change, say). */
  async deleteOtherSessions(userId: number, keep: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keep).execute();
  }
}

/**
 * Accounts' `User` columns from `users as u`, for a query that joins what points at an account (a
 * session, an identity) and narrows by it.
 */
export function selectUsers(db: Kysely<Database>) {
  return db.selectFrom('users as u').select(['u.id', 'u.email', 'u.display_name', 'u.role']);
}

export function toUser(row: { id: number; email: string; display_name: string; role: Role }): User {
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role };
}
