/**
 * One row per voter per episode (the unique constraint is the rule "a voter holds at most one
 * rating per episode"), and a small key/value table for settings the app generates itself.
 */
import { sql, type Kysely } from 'kysely';
import { autoIncrementId, type DialectName } from '../dialect.js';

export function votesMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('votes')
        .addColumn('id', 'integer', autoIncrementId(dialect))
        .addColumn('episode_id', 'integer', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
        .addColumn('voter_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('voter_kind', 'varchar(16)', (c) => c.notNull().check(sql`voter_kind in ('anonymous', 'account')`))
        .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 10`))
        .addColumn('ip', 'varchar(45)')
        .addColumn('cast_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .addUniqueConstraint('votes_episode_voter_unique', ['episode_id', 'voter_id'])
        .execute();
      // "Your ratings" on every page and moving a voter's ratings look votes up by voter.
      await db.schema.createIndex('votes_voter_index').on('votes').column('voter_id').execute();

      await db.schema
        .createTable('app_settings')
        .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('app_settings').execute();
      await db.schema.dropTable('votes').execute();
    },
  };
}
