/** Voters and IP ranges a moderator has stopped from voting. */
import type { Kysely } from 'kysely';
import { autoIncrementId, type DialectName } from '../dialect.js';

export function voteBlocksMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('vote_blocks')
        .addColumn('id', 'integer', autoIncrementId(dialect))
        .addColumn('kind', 'varchar(8)', (c) => c.notNull())
        // A voter id (kind 'voter') or an address range in CIDR notation (kind 'ip').
        .addColumn('value', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(254)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addUniqueConstraint('vote_blocks_kind_value_unique', ['kind', 'value'])
        .execute();
      // Moderation reads an episode's votes by time.
      await db.schema.createIndex('votes_episode_updated_index').on('votes').columns(['episode_id', 'updated_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('votes_episode_updated_index').execute();
      await db.schema.dropTable('vote_blocks').execute();
    },
  };
}
