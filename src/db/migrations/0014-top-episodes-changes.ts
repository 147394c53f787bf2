/**
 * `top_episodes.computed_changes`: the show's `tally_changes` the row was computed at.
 *
 * The refresher writes a big show's rows a slice at a time (one short transaction each) instead of
 * rewriting them all in one: on SQLite a commit runs on the event loop, and rewriting the 1,000 rows
 * of a big show dirtied some ten thousand index pages in one commit (hundreds of milliseconds). With
 * slices, two computations of one show (two instances) can interleave; every write keeps a row only
 * when it comes from the same or a later computation than the row already there, so the rows still
 * end as the newest computation left them.
 */
import type { Kysely } from 'kysely';
import { counterType, type DialectName } from '../dialect.js';

export function topEpisodesChangesMigration(dialect: DialectName) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('top_episodes')
        .addColumn('computed_changes', counterType(dialect), (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('top_episodes').dropColumn('computed_changes').execute();
    },
  };
}
