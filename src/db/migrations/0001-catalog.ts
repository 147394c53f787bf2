/** Shows, seasons, episodes with their directors and watch links, and per-episode tallies. */
import { sql, type Kysely } from 'kysely';
import { autoIncrementId, counterType, type DialectName } from '../dialect.js';

export function catalogMigration(dialect: DialectName) {
  const id = autoIncrementId(dialect);
  const counter = counterType(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('shows')
        .addColumn('id', 'integer', id)
        .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('synopsis', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('network', 'varchar(200)')
        .addColumn('status', 'varchar(100)')
        .addColumn('last_updated', 'varchar(10)')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('seasons')
        .addColumn('id', 'integer', id)
        .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull().check(sqlPositive('number')))
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addUniqueConstraint('seasons_show_number_unique', ['show_id', 'number'])
        .execute();

      await db.schema
        .createTable('episodes')
        .addColumn('id', 'integer', id)
        .addColumn('season_id', 'integer', (c) => c.notNull().references('seasons.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull().check(sqlPositive('number')))
        .addColumn('title', 'varchar(300)')
        .addColumn('air_date', 'varchar(10)')
        .addColumn('synopsis', 'text')
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .addUniqueConstraint('episodes_season_number_unique', ['season_id', 'number'])
        .execute();

      await db.schema
        .createTable('episode_directors')
        .addColumn('episode_id', 'integer', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addPrimaryKeyConstraint('episode_directors_pk', ['episode_id', 'position'])
        .execute();

      await db.schema
        .createTable('episode_watch_links')
        .addColumn('episode_id', 'integer', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('provider', 'varchar(100)', (c) => c.notNull())
        .addColumn('url', 'varchar(2000)', (c) => c.notNull())
        .addPrimaryKeyConstraint('episode_watch_links_pk', ['episode_id', 'position'])
        .execute();

      let tallies = db.schema
        .createTable('episode_tallies')
        .addColumn('episode_id', 'integer', (c) => c.primaryKey().references('episodes.id').onDelete('cascade'))
        .addColumn('vote_count', counter, (c) => c.notNull().defaultTo(0).check(sqlNonNegative('vote_count')))
        .addColumn('vote_sum', counter, (c) => c.notNull().defaultTo(0).check(sqlNonNegative('vote_sum')))
        .addColumn('vote_sum_sq', counter, (c) => c.notNull().defaultTo(0).check(sqlNonNegative('vote_sum_sq')));
      for (let rating = 1; rating <= 10; rating++) {
        const column = `rated_${rating}`;
        tallies = tallies.addColumn(column, counter, (c) => c.notNull().defaultTo(0).check(sqlNonNegative(column)));
      }
      await tallies
        .addColumn('baseline_count', counter, (c) => c.notNull().defaultTo(0).check(sqlNonNegative('baseline_count')))
        .addColumn('baseline_sum', counter, (c) => c.notNull().defaultTo(0).check(sqlNonNegative('baseline_sum')))
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['episode_tallies', 'episode_watch_links', 'episode_directors', 'episodes', 'seasons', 'shows']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

function sqlPositive(column: string) {
  return sql`${sql.ref(column)} > 0`;
}
function sqlNonNegative(column: string) {
  return sql`${sql.ref(column)} >= 0`;
}
