/**
 * An index on votes by time for the moderation page's burst check, which counts the last hour's
 * votes per episode. Without it both databases read every vote of the site on each visit (SQLite
 * seeks once per episode through votes(episode_id, updated_at), PostgreSQL scans the table); with
 * it they read that hour's entries alone. The episode id rides along so the count never touches
 * the table.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export function votesByTimeMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('votes_updated_index').on('votes').columns(['updated_at', 'episode_id']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('votes_updated_index').execute();
    },
  };
}
