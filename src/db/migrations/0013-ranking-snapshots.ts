/**
 * Rank history (issue 14): each show's ranking as it stood at the end of a day.
 *
 * `ranking_snapshot_days` has one row per day a snapshot was taken. Inserting it is the claim: the
 * primary key lets one instance of several sharing the database take a day, and the others see
 * the row and leave it. `finished_at` stays null until every show is written; only finished days
 * answer `?as_of=`, and a claim left unfinished by a crash may be taken over once it is old.
 *
 * `ranking_snapshots` has at most one row per show per day, and none for a day on which the show's
 * ranking was the same as in its previous row: the ranking as of a day is the show's latest row on
 * or before it. `ranking` is a packed blob (src/ranking/snapshots/snapshot-encoding.ts):
 *
 *   byte     format version (1)
 *   varint   m, the prior weight (RANK_PRIOR_VOTES) of that day
 *   varint   k, how many episodes had votes
 *   k times, best first in the show's fan-score order:
 *     varint   zigzag(episode id − previous entry's id), the first entry's from 0
 *     varint   n, the episode's vote count (imported tallies included)
 *     varint   S, the sum of those votes
 *
 * Varints hold seven bits per byte, low bits first, the high bit set on every byte but the last;
 * zigzag maps 0, −1, 1, −2 … to 0, 1, 2, 3 …. From n and S per episode the day's averages, the
 * show's totals (T and N are their sums) and so every fan score follow exactly; a season's
 * ranking is the show's order restricted to its episodes. A 1000-episode show takes about 7 bytes
 * an episode, 7 KB a day, under 3 MB for a year of days that all changed.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export function rankingSnapshotsMigration(dialect: DialectName) {
  // Byte strings: SQLite's blob, PostgreSQL's bytea; both drivers hand back a Buffer.
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('ranking_snapshot_days')
        .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('finished_at', 'varchar(32)')
        .execute();
      await db.schema
        .createTable('ranking_snapshots')
        .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('ranking', bytes, (c) => c.notNull())
        // The primary key is also the index every read uses: a show's latest row on or before a day.
        .addPrimaryKeyConstraint('ranking_snapshots_pkey', ['show_id', 'day'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('ranking_snapshots').execute();
      await db.schema.dropTable('ranking_snapshot_days').execute();
    },
  };
}
