/**
 * What issue 24 ("accounts people can trust") stores, in one migration so that the parts built on it
 * (e-mail, single sign-on, API tokens) agree on one schema:
 * - `users.email_verified_at`: when the owner proved the address (null: not yet). Single sign-on links
 *   an identity to an existing account only through a verified address.
 * - `account_tokens`: single-use, expiring links sent by e-mail (verify an address, reset a password,
 *   confirm a new address). Only the SHA-256 of the token is kept, as for sessions (0003).
 * - `user_identities`: an OpenID Connect identity (issuer, subject) signing in to an account. An
 *   account made by single sign-on has no password: its `password_hash` is the empty string, which
 *   `verifyPassword` never accepts (SQLite cannot drop the column's NOT NULL without a rebuild).
 * - `api_tokens`: a fan's personal API tokens, named, stored hashed, shown once.
 */
import type { Kysely } from 'kysely';
import { autoIncrementId, type DialectName } from '../dialect.js';

export function accountTrustMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('email_verified_at', 'varchar(40)').execute();

      await db.schema
        .createTable('account_tokens')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
        // For 'change-email': the address that becomes the account's once the link is followed.
        .addColumn('new_email', 'varchar(254)')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(40)')
        .execute();
      await db.schema.createIndex('account_tokens_user_index').on('account_tokens').columns(['user_id', 'purpose']).execute();

      await db.schema
        .createTable('user_identities')
        .addColumn('issuer', 'varchar(300)', (c) => c.notNull())
        .addColumn('subject', 'varchar(255)', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
        .execute();
      await db.schema.createIndex('user_identities_user_index').on('user_identities').column('user_id').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'integer', autoIncrementId(dialect))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'varchar(80)', (c) => c.notNull())
        // SHA-256 of the secret, hex: a leaked database does not reveal working tokens.
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('last_used_at', 'varchar(40)')
        .execute();
      await db.schema.createIndex('api_tokens_user_index').on('api_tokens').column('user_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('api_tokens').execute();
      await db.schema.dropTable('user_identities').execute();
      await db.schema.dropTable('account_tokens').execute();
      await db.schema.alterTable('users').dropColumn('email_verified_at').execute();
    },
  };
}
