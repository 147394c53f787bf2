/**
 * Browsing the whole site (issue 15): `top_episodes`, the site-wide lists of episodes by fan
 * score, by votes and by how divided their fans are, and the indexes `/shows` sorts and filters on.
 *
 * A fan score depends on its show's mean, so no index over the tallies can give the site-wide
 * order. `top_episodes` holds, per show, the episodes that reach TOP_MIN_VOTES with their score
 * computed by the refresher (src/ranking/top-episodes.refresher.ts) off the request path; each
 * list and filter is then one index range read a page at a time. `show_figures.top_changes` is the
 * `tally_changes` a show's rows were computed at (NULL: never), which is how a refresher finds the
 * shows whose rows are behind.
 */
import { sql, type Kysely } from 'kysely';
import { counterType, type DialectName } from '../dialect.js';

/** The columns each list orders by after its filter, best first; the episode id ends every tie. */
const LIST_ORDERS = {
  score: ['score desc', 'vote_count desc', 'average desc', 'episode_id'],
  votes: ['vote_count desc', 'average desc', 'episode_id'],
  divisive: ['divisiveness desc', 'vote_count desc', 'episode_id'],
} as const;

export function browseMigration(dialect: DialectName) {
  const counter = counterType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('top_episodes')
        .addColumn('episode_id', 'integer', (c) => c.primaryKey().references('episodes.id').onDelete('cascade'))
        .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
        // Copied from the show and the episode when the row is computed, so that filters read this table alone.
        .addColumn('network', 'varchar(200)')
        .addColumn('air_year', 'integer')
        // n and S (with baselines), and the show's N and T the score was computed with.
        .addColumn('vote_count', counter, (c) => c.notNull())
        .addColumn('vote_sum', counter, (c) => c.notNull())
        .addColumn('show_vote_count', counter, (c) => c.notNull())
        .addColumn('show_vote_sum', counter, (c) => c.notNull())
        // Orderable copies of the exact fractions (see top-episodes.ts for why a double is enough).
        .addColumn('score', 'double precision', (c) => c.notNull())
        .addColumn('average', 'double precision', (c) => c.notNull())
        // NULL unless the histogram is two-peaked (see divisiveness in top-episodes.ts).
        .addColumn('divisiveness', 'double precision')
        .execute();
      await db.schema.createIndex('top_episodes_show_index').on('top_episodes').column('show_id').execute();
      for (const [list, order] of Object.entries(LIST_ORDERS)) {
        await db.schema
          .createIndex(`top_episodes_${list}_index`)
          .on('top_episodes')
          .columns([...order])
          .execute();
        await db.schema
          .createIndex(`top_episodes_network_${list}_index`)
          .on('top_episodes')
          .columns(['network', ...order])
          .execute();
        await db.schema
          .createIndex(`top_episodes_year_${list}_index`)
          .on('top_episodes')
          .columns(['air_year', ...order])
          .execute();
      }
      await db.schema.alterTable('show_figures').addColumn('top_changes', counter).execute();
      // /shows filtered by network or status reads only that network's or status's shows, A–Z.
      await db.schema.createIndex('shows_network_index').on('shows').columns(['network', 'title', 'id']).execute();
      await db.schema.createIndex('shows_status_index').on('shows').columns(['status', 'title', 'id']).execute();
      // /shows?sort=updated: the latest catalogue changes first.
      await db.schema.createIndex('shows_updated_index').on('shows').columns(['updated_at', 'id']).execute();

      await db.schema.alterTable('show_figures').addColumn('first_air_year', 'integer').execute();
      await sql`update show_figures set first_air_year = ${sql.raw(firstAirYearOf('show_figures.show_id'))}`.execute(db);
      await db.schema.createIndex('show_figures_first_air_year').on('show_figures').columns(['first_air_year', 'show_id']).execute();
      for (const statement of dialect === 'postgres' ? postgresTriggers() : sqliteTriggers()) await sql.raw(statement).execute(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const [table, trigger] of TRIGGERS) {
        await sql.raw(dialect === 'postgres' ? `drop trigger if exists ${trigger} on ${table}` : `drop trigger if exists ${trigger}`).execute(db);
      }
      if (dialect === 'postgres')
        for (const fn of ['first_air_episode_fn', 'first_air_season_fn']) await sql.raw(`drop function if exists ${fn}()`).execute(db);
      await db.schema.dropIndex('show_figures_first_air_year').execute();
      await db.schema.alterTable('show_figures').dropColumn('first_air_year').execute();
      for (const index of ['shows_network_index', 'shows_status_index', 'shows_updated_index']) await db.schema.dropIndex(index).execute();
      await db.schema.alterTable('show_figures').dropColumn('top_changes').execute();
      await db.schema.dropTable('top_episodes').execute();
    },
  };
}

/**
 * `show_figures.first_air_year`: the year of the show's earliest episode air date, for `/shows?year=`.
 * A new episode can only lower it, so an insert compares; an edit, a deletion or a move asks the
 * show's own episodes again (one show's worth of rows, and rare). The join with `seasons` leaves
 * out the episodes of a season being deleted, whichever way round its cascade runs.
 */
const yearOf = (airDate: string) => `cast(substr(${airDate}, 1, 4) as integer)`;

function firstAirYearOf(showId: string): string {
  return `(select min(${yearOf('e.air_date')}) from episodes e join seasons s on s.id = e.season_id where s.show_id = ${showId})`;
}

const recompute = (showId: string) => `update show_figures set first_air_year = ${firstAirYearOf(showId)} where show_id = ${showId}`;
const showOfSeason = (seasonId: string) => `(select show_id from seasons where id = ${seasonId})`;
const lowerOnInsert = `update show_figures set first_air_year = case
    when first_air_year is null or first_air_year > ${yearOf('NEW.air_date')} then ${yearOf('NEW.air_date')} else first_air_year end
  where show_id = ${showOfSeason('NEW.season_id')}`;

const TRIGGERS: Array<[string, string]> = [
  ['episodes', 'first_air_episode_insert'],
  ['episodes', 'first_air_episode_update'],
  ['episodes', 'first_air_episode_delete'],
  ['seasons', 'first_air_season_delete'],
  ['seasons', 'first_air_season_move'],
];

function sqliteTriggers(): string[] {
  const trigger = (name: string, event: string, when: string, statements: string[]) =>
    `create trigger ${name} ${event} for each row when ${when} begin ${statements.map((s) => `${s};`).join(' ')} end`;
  return [
    trigger('first_air_episode_insert', 'after insert on episodes', 'NEW.air_date is not null', [lowerOnInsert]),
    trigger(
      'first_air_episode_update',
      'after update of air_date, season_id on episodes',
      'OLD.air_date is not NEW.air_date or OLD.season_id <> NEW.season_id',
      [recompute(showOfSeason('OLD.season_id')), recompute(showOfSeason('NEW.season_id'))],
    ),
    trigger('first_air_episode_delete', 'after delete on episodes', 'OLD.air_date is not null', [recompute(showOfSeason('OLD.season_id'))]),
    trigger('first_air_season_delete', 'after delete on seasons', '1', [recompute('OLD.show_id')]),
    trigger('first_air_season_move', 'after update of show_id on seasons', 'OLD.show_id <> NEW.show_id', [recompute('OLD.show_id'), recompute('NEW.show_id')]),
  ];
}

function postgresTriggers(): string[] {
  // plpgsql cannot repeat a subquery as a variable's name the way the SQLite bodies do, so the show ids go through variables.
  const recomputeVar = (variable: string) => `${recompute(variable)};`;
  return [
    `create function first_air_episode_fn() returns trigger language plpgsql as $$
     declare old_show integer; new_show integer;
     begin
       if TG_OP = 'INSERT' then ${lowerOnInsert}; return null; end if;
       old_show := ${showOfSeason('OLD.season_id')};
       if old_show is not null then ${recomputeVar('old_show')} end if;
       if TG_OP = 'UPDATE' then
         new_show := ${showOfSeason('NEW.season_id')};
         if new_show is not null and new_show is distinct from old_show then ${recomputeVar('new_show')} end if;
       end if;
       return null;
     end $$`,
    `create function first_air_season_fn() returns trigger language plpgsql as $$
     begin
       ${recomputeVar('OLD.show_id')}
       if TG_OP = 'UPDATE' then ${recomputeVar('NEW.show_id')} end if;
       return null;
     end $$`,
    `create trigger first_air_episode_insert after insert on episodes for each row when (NEW.air_date is not null) execute function first_air_episode_fn()`,
    `create trigger first_air_episode_update after update of air_date, season_id on episodes for each row
       when (OLD.air_date is distinct from NEW.air_date or OLD.season_id <> NEW.season_id) execute function first_air_episode_fn()`,
    `create trigger first_air_episode_delete after delete on episodes for each row when (OLD.air_date is not null) execute function first_air_episode_fn()`,
    `create trigger first_air_season_delete after delete on seasons for each row execute function first_air_season_fn()`,
    `create trigger first_air_season_move after update of show_id on seasons for each row when (OLD.show_id <> NEW.show_id) execute function first_air_season_fn()`,
  ];
}
