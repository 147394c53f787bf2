/**
 * Per-show and per-season figures that list pages read instead of adding up every episode's
 * tally on each request (with 10,000 shows the home page once took 2.3 s to do that).
 *
 * `show_figures`: N and T (votes here plus baselines), episode and rated-episode counts, when a
 * vote on the show was last cast or changed, and the best episode by fan score.
 * `season_figures`: the same counts and totals per season, with its show.
 *
 * Database triggers keep every figure but the best episode exact in the transaction of the change
 * itself, so votes, recounts, imports, baseline edits, merges of voters and deletions all keep
 * them right without any code path having to remember. The best episode needs a ranking, which a
 * trigger cannot do: `tally_changes` counts the changes that can move it, and the refresher
 * (src/ranking/best-episode-refresher.ts) records in `best_changes` which count its answer is
 * for; NULL means "never computed", and such a show's best episode is computed before it is shown.
 *
 * The figures tables carry no foreign keys on purpose. Deleting a show cascades to its seasons,
 * episodes and tallies, and the order in which the databases fire the cascaded rows' triggers
 * and the parent's is theirs to choose; instead each trigger finds its show through
 * `season_figures` and does nothing once that row is gone, and a season's own trigger takes out
 * whatever its figures still hold, which gives the same totals in either order.
 */
import { sql, type Kysely } from 'kysely';
import { counterType, type DialectName } from '../dialect.js';

export function showFiguresMigration(dialect: DialectName) {
  const counter = counterType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('show_figures')
        .addColumn('show_id', 'integer', (c) => c.primaryKey())
        .addColumn('episode_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rated_episode_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('vote_count', counter, (c) => c.notNull().defaultTo(0))
        .addColumn('vote_sum', counter, (c) => c.notNull().defaultTo(0))
        .addColumn('last_vote_at', 'varchar(40)')
        .addColumn('tally_changes', counter, (c) => c.notNull().defaultTo(0))
        .addColumn('best_episode_id', 'integer')
        .addColumn('best_changes', counter)
        .execute();
      await db.schema
        .createTable('season_figures')
        .addColumn('season_id', 'integer', (c) => c.primaryKey())
        .addColumn('show_id', 'integer', (c) => c.notNull())
        .addColumn('episode_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rated_episode_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('vote_count', counter, (c) => c.notNull().defaultTo(0))
        .addColumn('vote_sum', counter, (c) => c.notNull().defaultTo(0))
        .execute();

      await backfill(db);

      // The front page's two orders, and the A–Z list of every show, each read a LIMITed prefix.
      await sql`create index show_figures_most_voted on show_figures (vote_count desc, show_id)`.execute(db);
      await sql`create index show_figures_recent on show_figures (last_vote_at desc, show_id) where last_vote_at is not null`.execute(db);
      await sql`create index season_figures_show on season_figures (show_id)`.execute(db);
      await sql`create index shows_title_index on shows (title, id)`.execute(db);

      for (const statement of dialect === 'postgres' ? postgresTriggers() : sqliteTriggers()) {
        await sql.raw(statement).execute(db);
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const [table, trigger] of TRIGGERS) {
        await sql.raw(dialect === 'postgres' ? `drop trigger if exists ${trigger} on ${table}` : `drop trigger if exists ${trigger}`).execute(db);
      }
      if (dialect === 'postgres') {
        for (const fn of POSTGRES_FUNCTIONS) await sql.raw(`drop function if exists ${fn}()`).execute(db);
      }
      await db.schema.dropIndex('shows_title_index').execute();
      await db.schema.dropTable('season_figures').execute();
      await db.schema.dropTable('show_figures').execute();
    },
  };
}

/** Figures for what is already there; the best episodes are left to the refresher (best_changes NULL). */
async function backfill(db: Kysely<any>): Promise<void> {
  await sql`
    insert into season_figures (season_id, show_id, episode_count, rated_episode_count, vote_count, vote_sum)
    select s.id, s.show_id, count(e.id),
           count(case when t.vote_count + t.baseline_count > 0 then 1 end),
           coalesce(sum(t.vote_count + t.baseline_count), 0),
           coalesce(sum(t.vote_sum + t.baseline_sum), 0)
    from seasons s
    left join episodes e on e.season_id = s.id
    left join episode_tallies t on t.episode_id = e.id
    group by s.id, s.show_id`.execute(db);
  await sql`
    insert into show_figures (show_id, episode_count, rated_episode_count, vote_count, vote_sum, last_vote_at)
    select sh.id,
           coalesce((select sum(f.episode_count) from season_figures f where f.show_id = sh.id), 0),
           coalesce((select sum(f.rated_episode_count) from season_figures f where f.show_id = sh.id), 0),
           coalesce((select sum(f.vote_count) from season_figures f where f.show_id = sh.id), 0),
           coalesce((select sum(f.vote_sum) from season_figures f where f.show_id = sh.id), 0),
           (select max(coalesce(v.imported_at, v.updated_at)) from votes v
              join episodes e on e.id = v.episode_id join seasons s on s.id = e.season_id
             where s.show_id = sh.id)
    from shows sh`.execute(db);
}

/** [table, trigger name] of every trigger, for `down`. */
const TRIGGERS: Array<[string, string]> = [
  ['shows', 'figures_show_insert'],
  ['shows', 'figures_show_delete'],
  ['seasons', 'figures_season_insert'],
  ['seasons', 'figures_season_delete'],
  ['seasons', 'figures_season_move'],
  ['episodes', 'figures_episode_insert'],
  ['episodes', 'figures_episode_before_delete'],
  ['episodes', 'figures_episode_delete'],
  ['episodes', 'figures_episode_move'],
  ['episode_tallies', 'figures_tally_insert'],
  ['episode_tallies', 'figures_tally_update'],
  ['episode_tallies', 'figures_tally_delete'],
  ['votes', 'figures_vote_insert'],
  ['votes', 'figures_vote_update'],
];

const POSTGRES_FUNCTIONS = [
  'figures_show_insert_fn',
  'figures_show_delete_fn',
  'figures_season_insert_fn',
  'figures_season_delete_fn',
  'figures_season_move_fn',
  'figures_episode_insert_fn',
  'figures_episode_before_delete_fn',
  'figures_episode_delete_fn',
  'figures_episode_move_fn',
  'figures_tally_insert_fn',
  'figures_tally_update_fn',
  'figures_tally_delete_fn',
  'figures_vote_fn',
];

/**
 * The statements each trigger runs, written once for both databases. `rated` turns a vote count
 * into 1 or 0 (a comparison is already an integer on SQLite, not on PostgreSQL); `later` keeps the
 * later of two timestamps, either of which may be NULL.
 */
function bodies(rated: (count: string) => string, later: (a: string, b: string) => string) {
  const count = (row: string) => `(${row}.vote_count + ${row}.baseline_count)`;
  const total = (row: string) => `(${row}.vote_sum + ${row}.baseline_sum)`;
  /** The show of a season, through its figures: no row (so no change) once the season's figures are gone. */
  const showOfSeason = (seasonId: string) => `(select show_id from season_figures where season_id = ${seasonId})`;
  const seasonOfEpisode = (episodeId: string) => `(select season_id from episodes where id = ${episodeId})`;

  /** Adds (or, with deltas from OLD to NEW, moves) a tally's contribution to its season and show. */
  const tallyChange = (episodeId: string, votes: string, sum: string, ratedEpisodes: string) => {
    const season = seasonOfEpisode(episodeId);
    return [
      `update show_figures set vote_count = vote_count + ${votes}, vote_sum = vote_sum + ${sum},
         rated_episode_count = rated_episode_count + ${ratedEpisodes}, tally_changes = tally_changes + 1
       where show_id = ${showOfSeason(season)}`,
      `update season_figures set vote_count = vote_count + ${votes}, vote_sum = vote_sum + ${sum},
         rated_episode_count = rated_episode_count + ${ratedEpisodes}
       where season_id = ${season}`,
    ];
  };

  /** Adds (sign 1) or takes out (sign -1) one episode with its tally, as it stands, to or from a season. */
  const episodeChange = (sign: 1 | -1, episodeId: string, seasonId: string) => {
    const tally = (expression: string) => `coalesce((select ${expression} from episode_tallies t where t.episode_id = ${episodeId}), 0)`;
    const fields = `episode_count = episode_count + ${sign},
         vote_count = vote_count + ${sign} * ${tally(count('t'))},
         vote_sum = vote_sum + ${sign} * ${tally(total('t'))},
         rated_episode_count = rated_episode_count + ${sign} * ${tally(rated(count('t')))}`;
    return [
      `update show_figures set ${fields}, tally_changes = tally_changes + 1 where show_id = ${showOfSeason(seasonId)}`,
      `update season_figures set ${fields} where season_id = ${seasonId}`,
    ];
  };

  /** Adds (sign 1) or takes out (sign -1) a season's figures to or from a show. */
  const seasonChange = (sign: 1 | -1, seasonId: string, showId: string) => {
    const figure = (column: string) => `coalesce((select ${column} from season_figures where season_id = ${seasonId}), 0)`;
    return `update show_figures set
         episode_count = episode_count + ${sign} * ${figure('episode_count')},
         rated_episode_count = rated_episode_count + ${sign} * ${figure('rated_episode_count')},
         vote_count = vote_count + ${sign} * ${figure('vote_count')},
         vote_sum = vote_sum + ${sign} * ${figure('vote_sum')},
         tally_changes = tally_changes + 1
       where show_id = ${showId}`;
  };

  return {
    showInsert: [`insert into show_figures (show_id) values (NEW.id)`],
    showDelete: [`delete from show_figures where show_id = OLD.id`],
    seasonInsert: [`insert into season_figures (season_id, show_id) values (NEW.id, NEW.show_id)`],
    // Whatever the season's episodes have not already taken out themselves (see the module comment).
    seasonDelete: [seasonChange(-1, 'OLD.id', 'OLD.show_id'), `delete from season_figures where season_id = OLD.id`],
    seasonMove: [
      seasonChange(-1, 'OLD.id', 'OLD.show_id'),
      seasonChange(1, 'NEW.id', 'NEW.show_id'),
      `update season_figures set show_id = NEW.show_id where season_id = NEW.id`,
    ],
    episodeInsert: [
      `update show_figures set episode_count = episode_count + 1, tally_changes = tally_changes + 1
       where show_id = ${showOfSeason('NEW.season_id')}`,
      `update season_figures set episode_count = episode_count + 1 where season_id = NEW.season_id`,
    ],
    // The tally goes first, while its episode can still be found, so that its own trigger takes
    // its votes out; a cascade would delete it only once the episode row is gone.
    episodeBeforeDelete: [`delete from episode_tallies where episode_id = OLD.id`],
    episodeDelete: [
      // A deleted best episode is never shown: the show's best is computed again before it is.
      `update show_figures set episode_count = episode_count - 1, tally_changes = tally_changes + 1,
         best_changes = case when best_episode_id = OLD.id then null else best_changes end,
         best_episode_id = case when best_episode_id = OLD.id then null else best_episode_id end
       where show_id = ${showOfSeason('OLD.season_id')}`,
      `update season_figures set episode_count = episode_count - 1 where season_id = OLD.season_id`,
    ],
    episodeMove: [...episodeChange(-1, 'OLD.id', 'OLD.season_id'), ...episodeChange(1, 'NEW.id', 'NEW.season_id')],
    tallyInsert: tallyChange('NEW.episode_id', count('NEW'), total('NEW'), rated(count('NEW'))),
    tallyUpdate: tallyChange(
      'NEW.episode_id',
      `(${count('NEW')} - ${count('OLD')})`,
      `(${total('NEW')} - ${total('OLD')})`,
      `(${rated(count('NEW'))} - ${rated(count('OLD'))})`,
    ),
    tallyDelete: tallyChange('OLD.episode_id', `-${count('OLD')}`, `-${total('OLD')}`, `-${rated(count('OLD'))}`),
    // An imported rating counts from when it arrived, not from the times its file claims.
    vote: [
      `update show_figures set last_vote_at = ${later('last_vote_at', 'coalesce(NEW.imported_at, NEW.updated_at)')}
       where show_id = ${showOfSeason(seasonOfEpisode('NEW.episode_id'))}`,
    ],
  };
}

/** Changes to a tally's totals; the histogram and sum of squares alone move nothing here. */
const TALLY_TOTALS_CHANGED =
  'OLD.vote_count <> NEW.vote_count or OLD.vote_sum <> NEW.vote_sum or OLD.baseline_count <> NEW.baseline_count or OLD.baseline_sum <> NEW.baseline_sum';

function sqliteTriggers(): string[] {
  const b = bodies(
    (c) => `(${c} > 0)`,
    (a, x) => `max(coalesce(${a}, ''), coalesce(${x}, ''))`,
  );
  const trigger = (name: string, event: string, statements: string[], when?: string) =>
    `create trigger ${name} ${event} for each row ${when ? `when ${when} ` : ''}begin ${statements.map((s) => `${s};`).join(' ')} end`;
  return [
    trigger('figures_show_insert', 'after insert on shows', b.showInsert),
    trigger('figures_show_delete', 'after delete on shows', b.showDelete),
    trigger('figures_season_insert', 'after insert on seasons', b.seasonInsert),
    trigger('figures_season_delete', 'after delete on seasons', b.seasonDelete),
    trigger('figures_season_move', 'after update of show_id on seasons', b.seasonMove, 'OLD.show_id <> NEW.show_id'),
    trigger('figures_episode_insert', 'after insert on episodes', b.episodeInsert),
    trigger('figures_episode_before_delete', 'before delete on episodes', b.episodeBeforeDelete),
    trigger('figures_episode_delete', 'after delete on episodes', b.episodeDelete),
    trigger('figures_episode_move', 'after update of season_id on episodes', b.episodeMove, 'OLD.season_id <> NEW.season_id'),
    trigger('figures_tally_insert', 'after insert on episode_tallies', b.tallyInsert),
    trigger('figures_tally_update', 'after update on episode_tallies', b.tallyUpdate, TALLY_TOTALS_CHANGED),
    trigger('figures_tally_delete', 'after delete on episode_tallies', b.tallyDelete),
    trigger('figures_vote_insert', 'after insert on votes', b.vote),
    trigger('figures_vote_update', 'after update of updated_at, imported_at on votes', b.vote),
  ];
}

function postgresTriggers(): string[] {
  const b = bodies(
    (c) => `(case when ${c} > 0 then 1 else 0 end)`,
    // greatest() leaves NULLs out.
    (a, x) => `greatest(${a}, ${x})`,
  );
  const fn = (name: string, statements: string[], result: 'NEW' | 'OLD' | 'NULL') =>
    `create function ${name}() returns trigger language plpgsql as $body$ begin ${statements.map((s) => `${s};`).join(' ')} return ${result}; end $body$`;
  const trigger = (name: string, event: string, when?: string) =>
    `create trigger ${name} ${event} for each row ${when ? `when (${when}) ` : ''}execute function ${name}_fn()`;
  return [
    fn('figures_show_insert_fn', b.showInsert, 'NULL'),
    trigger('figures_show_insert', 'after insert on shows'),
    fn('figures_show_delete_fn', b.showDelete, 'NULL'),
    trigger('figures_show_delete', 'after delete on shows'),
    fn('figures_season_insert_fn', b.seasonInsert, 'NULL'),
    trigger('figures_season_insert', 'after insert on seasons'),
    fn('figures_season_delete_fn', b.seasonDelete, 'NULL'),
    trigger('figures_season_delete', 'after delete on seasons'),
    fn('figures_season_move_fn', b.seasonMove, 'NULL'),
    trigger('figures_season_move', 'after update of show_id on seasons', 'OLD.show_id <> NEW.show_id'),
    fn('figures_episode_insert_fn', b.episodeInsert, 'NULL'),
    trigger('figures_episode_insert', 'after insert on episodes'),
    // A BEFORE trigger returns the row to go on with the delete.
    fn('figures_episode_before_delete_fn', b.episodeBeforeDelete, 'OLD'),
    trigger('figures_episode_before_delete', 'before delete on episodes'),
    fn('figures_episode_delete_fn', b.episodeDelete, 'NULL'),
    trigger('figures_episode_delete', 'after delete on episodes'),
    fn('figures_episode_move_fn', b.episodeMove, 'NULL'),
    trigger('figures_episode_move', 'after update of season_id on episodes', 'OLD.season_id <> NEW.season_id'),
    fn('figures_tally_insert_fn', b.tallyInsert, 'NULL'),
    trigger('figures_tally_insert', 'after insert on episode_tallies'),
    fn('figures_tally_update_fn', b.tallyUpdate, 'NULL'),
    trigger('figures_tally_update', 'after update on episode_tallies', TALLY_TOTALS_CHANGED),
    fn('figures_tally_delete_fn', b.tallyDelete, 'NULL'),
    trigger('figures_tally_delete', 'after delete on episode_tallies'),
    fn('figures_vote_fn', b.vote, 'NULL'),
    // Deferred to commit, so that a vote locks its show's figures after its tally row, in the
    // same order as recounts and tally triggers do; taken at the vote row, before the tally, a
    // vote and a recount of the same show could each hold a lock the other waits for.
    `create constraint trigger figures_vote_insert after insert on votes deferrable initially deferred for each row execute function figures_vote_fn()`,
    `create constraint trigger figures_vote_update after update of updated_at, imported_at on votes deferrable initially deferred for each row execute function figures_vote_fn()`,
  ];
}
