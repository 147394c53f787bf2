/**
 * The benchmark's own fast path for millions of votes: the app's vote route writes one vote per
 * transaction (rightly), which would take hours here. Votes go straight into `votes` in big
 * batches (one prepared INSERT per row inside large transactions on SQLite, one multi-row
 * INSERT … SELECT FROM unnest(…) per batch on PostgreSQL), then every tally is recomputed from the
 * votes with one INSERT … SELECT … GROUP BY, the same recount `epirank recount --check` compares with.
 */
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../src/db/database.js';
import { sqlitePath } from '../../src/db/dialect.js';
import { HISTOGRAM_COLUMNS, type Database } from '../../src/db/schema.js';
import { BIG_SHOW_PREFIX, SMALL_SHOW_PREFIX, VOTER_POOL, VOTES_PER_BIG_SHOW_EPISODE, VOTES_PER_SMALL_SHOW_EPISODE, hash } from './shape.js';

interface SeedVote {
  episodeId: number;
  voter: string;
  rating: number;
  ip: string;
  at: string;
}

const BATCH = 20_000;
const DAY_MS = 86_400_000;
// Votes were cast over the 60 days before this moment; a fixed date keeps rebuilds identical.
const SEEDED_UNTIL = Date.parse('2026-11-01T00:00:00.000Z');
const TIMESTAMPS = Array.from({ length: 1024 }, (_, i) => new Date(SEEDED_UNTIL - Math.floor((i / 1024) * 60 * DAY_MS)).toISOString());

/** Every generated episode with how many votes it gets (the demo show in the big catalogue gets none). */
async function votedEpisodes(db: Kysely<Database>): Promise<Array<{ id: number; votes: number }>> {
  const rows = await db
    .selectFrom('episodes')
    .innerJoin('seasons', 'seasons.id', 'episodes.season_id')
    .innerJoin('shows', 'shows.id', 'seasons.show_id')
    .select(['episodes.id as id', 'shows.slug as slug'])
    .orderBy('episodes.id')
    .execute();
  return rows.flatMap((r) =>
    r.slug.startsWith(BIG_SHOW_PREFIX)
      ? [{ id: r.id, votes: VOTES_PER_BIG_SHOW_EPISODE }]
      : r.slug.startsWith(SMALL_SHOW_PREFIX)
        ? [{ id: r.id, votes: VOTES_PER_SMALL_SHOW_EPISODE }]
        : [],
  );
}

/** The votes, in batches: distinct voters per episode, ratings spread around an episode's own quality. */
function* voteBatches(episodes: Array<{ id: number; votes: number }>): Generator<SeedVote[]> {
  let batch: SeedVote[] = [];
  for (const [index, episode] of episodes.entries()) {
    const quality = 3 + (hash(episode.id) % 7);
    for (let j = 0; j < episode.votes; j++) {
      const voter = (index * 37 + j) % VOTER_POOL;
      const h = hash(episode.id * 64 + j);
      batch.push({
        episodeId: episode.id,
        voter: `a:scale-voter-${voter}`,
        rating: Math.min(10, Math.max(1, quality + (h % 7) - 3)),
        ip: `198.18.${(voter >>> 8) & 255}.${voter & 255}`,
        at: TIMESTAMPS[h % TIMESTAMPS.length]!,
      });
    }
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The statements that recreate the votes table's secondary indexes (not the one behind the
 * one-rating-per-voter constraint). Filling millions of rows into random places of those B-trees
 * is most of a bulk insert's cost; building each once afterwards from sorted data is far cheaper.
 * Read from the database rather than named here, so an index a later migration adds is kept too.
 */
async function secondaryVoteIndexes(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<Array<{ name: string; create: string }>> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'index' and tbl_name = 'votes' and sql is not null`.execute(db);
    return rows.map((r) => ({ name: r.name, create: r.sql }));
  }
  const { rows } = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.tablename = 'votes' and i.schemaname = current_schema()
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
  return rows.map((r) => ({ name: r.name, create: r.definition }));
}

/** Writes the votes and recomputes every tally; returns how many votes were written. */
export async function seedVotes(database: DatabaseHandle, url: string, onProgress: (done: number, total: number) => void): Promise<number> {
  const episodes = await votedEpisodes(database.db);
  const total = episodes.reduce((n, e) => n + e.votes, 0);
  const indexes = await secondaryVoteIndexes(database.db, database.dialect);
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(database.db);
  let done = 0;
  if (database.dialect === 'sqlite') {
    // Straight through better-sqlite3 on a second connection: Kysely's per-query overhead is most
    // of the cost at this many rows. The app's own connection is idle meanwhile.
    const connection = new SQLite(sqlitePath(url));
    try {
      connection.pragma('busy_timeout = 10000');
      connection.pragma('cache_size = -262144');
      const insert = connection.prepare('INSERT INTO votes (episode_id, voter_id, voter_kind, rating, ip, cast_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const write = connection.transaction((votes: SeedVote[]) => {
        for (const v of votes) insert.run(v.episodeId, v.voter, 'anonymous', v.rating, v.ip, v.at, v.at);
      });
      for (const batch of voteBatches(episodes)) {
        write(batch);
        onProgress((done += batch.length), total);
      }
    } finally {
      connection.close();
    }
  } else {
    // PostgreSQL runs the per-row triggers on votes (the stored per-show figures) at each batch's
    // commit, one update of the show's figures per vote: tens of minutes at this size. They are
    // off while the rows go in, and each show's newest vote is replayed through them afterwards.
    await sql`alter table votes disable trigger user`.execute(database.db);
    for (const batch of voteBatches(episodes)) {
      await sql`
        insert into votes (episode_id, voter_id, voter_kind, rating, ip, cast_at, updated_at)
        select e, v, 'anonymous', r, i, t, t
        from unnest(${batch.map((v) => v.episodeId)}::int[], ${batch.map((v) => v.voter)}::text[],
                    ${batch.map((v) => v.rating)}::int[], ${batch.map((v) => v.ip)}::text[],
                    ${batch.map((v) => v.at)}::text[]) as seeded(e, v, r, i, t)`.execute(database.db);
      onProgress((done += batch.length), total);
    }
    await sql`alter table votes enable trigger user`.execute(database.db);
    await replayNewestVotes(database.db);
  }
  for (const index of indexes) await sql.raw(index.create).execute(database.db);
  await recomputeTallies(database.db);
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
  return total;
}

/**
 * Touches each show's newest vote (an update that sets updated_at to itself), so the vote
 * triggers, switched off during the bulk insert, see once per show what they would have seen last.
 */
async function replayNewestVotes(db: Kysely<Database>): Promise<void> {
  await sql`
    update votes set updated_at = updated_at
    where id in (
      select distinct on (s.show_id) v.id
      from votes v join episodes e on e.id = v.episode_id join seasons s on s.id = e.season_id
      order by s.show_id, coalesce(v.imported_at, v.updated_at) desc, v.id)`.execute(db);
}

/**
 * Every episode's vote tally from its votes in one statement; baseline columns (imported tallies)
 * are left as they are. `where true` is SQLite's way of telling an upsert's ON CONFLICT apart
 * from a join in INSERT … SELECT, and is harmless on PostgreSQL.
 */
async function recomputeTallies(db: Kysely<Database>): Promise<void> {
  const histogram = HISTOGRAM_COLUMNS.map((column, i) => sql`sum(case when rating = ${sql.lit(i + 1)} then 1 else 0 end) as ${sql.ref(column)}`);
  const columns = ['vote_count', 'vote_sum', 'vote_sum_sq', ...HISTOGRAM_COLUMNS];
  await sql`
    insert into episode_tallies (episode_id, ${sql.join(columns.map((c) => sql.ref(c)))})
    select episode_id, count(*) as vote_count, sum(rating) as vote_sum, sum(rating * rating) as vote_sum_sq, ${sql.join(histogram)}
    from votes where true group by episode_id
    on conflict (episode_id) do update set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`.execute(db);
}
