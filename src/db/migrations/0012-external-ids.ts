/**
 * External ids (issue 16): the ids a show or an episode has on IMDb, TheTVDB, TMDB and TVmaze.
 *
 * Two narrow tables rather than four nullable columns on each catalogue table: a new source is a
 * new value of `source`, not a migration, and a catalogue without ids costs nothing. Each (source,
 * id) names at most one show and at most one episode, which is what lets a rating file from another
 * site be matched row by row through one index read. Ids are text: IMDb's are `tt` and digits,
 * the others digits, and none is arithmetic.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

const TABLES = [
  ['show_external_ids', 'show_id', 'shows.id'],
  ['episode_external_ids', 'episode_id', 'episodes.id'],
] as const;

export function externalIdsMigration(_dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const [table, owner, references] of TABLES) {
        await db.schema
          .createTable(table)
          .addColumn(owner, 'integer', (c) => c.notNull().references(references).onDelete('cascade'))
          .addColumn('source', 'varchar(16)', (c) => c.notNull())
          .addColumn('external_id', 'varchar(64)', (c) => c.notNull())
          // One id per source for each show or episode...
          .addPrimaryKeyConstraint(`${table}_pkey`, [owner, 'source'])
          // ...and one show or episode per id, found by the matcher in one index read.
          .addUniqueConstraint(`${table}_source_id`, ['source', 'external_id'])
          .execute();
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const [table] of TABLES) await db.schema.dropTable(table).execute();
    },
  };
}
