/** Every admin and moderation action: who, what, when, and the values before and after. */
import type { Kysely } from 'kysely';
import { autoIncrementId, type DialectName } from '../dialect.js';

export function auditMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', autoIncrementId(dialect))
        // Kept when the account is deleted: the e-mail beside it still says who it was.
        .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('actor_email', 'varchar(254)', (c) => c.notNull())
        .addColumn('action', 'varchar(64)', (c) => c.notNull())
        .addColumn('subject', 'varchar(300)', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_created_index').on('audit_log').column('created_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('audit_log').execute();
    },
  };
}
