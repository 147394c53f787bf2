/** Accounts with a role, and their sign-in sessions (kept in the database so instances share them). */
import { sql, type Kysely } from 'kysely';
import { autoIncrementId, type DialectName } from '../dialect.js';

export function accountsMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', autoIncrementId(dialect))
        // Stored lower-cased, so the unique index makes e-mail addresses case-insensitive.
        .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
        .addColumn('display_name', 'varchar(80)', (c) => c.notNull())
        .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
        .addColumn('role', 'varchar(16)', (c) => c.notNull().defaultTo('fan').check(sql`role in ('admin', 'editor', 'fan')`))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        // The SHA-256 of the token in the cookie: a leaked database does not reveal live cookies.
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_index').on('sessions').column('user_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('sessions').execute();
      await db.schema.dropTable('users').execute();
    },
  };
}
