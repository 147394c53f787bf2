import type { Insertable, Kysely } from 'kysely';
import { CatalogRepository } from '../../src/catalog/catalog.repository.js';
import type { NewEpisodeInput, NewShowInput } from '../../src/catalog/catalog.types.js';
import type { Database } from '../../src/db/schema.js';
import { TalliesRepository } from '../../src/votes/tallies.repository.js';

let sequence = 0;

/**
 * Small builders with defaults, so each test states only what matters to it. Ratings are written
 * straight into the tally row, as if those votes had been cast.
 */
export function factories(db: Kysely<Database>) {
  const catalog = new CatalogRepository(db);
  const tallies = new TalliesRepository(db);
  return {
    /** An admin account, as the actor that admin services and the audit log take. */
    async admin(email = 'admin@example.org', at = '2026-01-01T00:00:00.000Z') {
      const row = await db
        .insertInto('users')
        .values({ email, display_name: 'Admin', password_hash: 'x', role: 'admin', public_id: null, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, email };
    },
    async show(overrides: Partial<NewShowInput> = {}) {
      sequence++;
      const input: NewShowInput = { slug: `show-${sequence}`, title: `Show ${sequence}`, ...overrides };
      return { id: await catalog.insertShow(input), slug: input.slug, title: input.title };
    },
    async season(showId: number, number = 1) {
      return { id: await catalog.insertSeason(showId, number), number };
    },
    async episode(seasonId: number, number: number, overrides: Partial<NewEpisodeInput> = {}) {
      return { id: await catalog.insertEpisode({ seasonId, number, title: `Episode title ${number}`, ...overrides }), number };
    },
    /** A show with one season of `count` episodes numbered from 1, each titled `title(n)` if given. */
    async showWithSeason(overrides: Partial<NewShowInput>, count: number, title?: (n: number) => string) {
      const show = await this.show(overrides);
      const season = await this.season(show.id, 1);
      const episodeIds: number[] = [];
      for (let n = 1; n <= count; n++) episodeIds.push((await this.episode(season.id, n, title ? { title: title(n) } : {})).id);
      return { show, season, episodeIds };
    },
    /** Records these ratings (1–10) as votes cast here. */
    async ratings(episodeId: number, ratings: number[]) {
      const histogram = Array.from({ length: 10 }, (_, i) => ratings.filter((r) => r === i + 1).length);
      const values = {
        vote_count: ratings.length,
        vote_sum: ratings.reduce((a, b) => a + b, 0),
        vote_sum_sq: ratings.reduce((a, b) => a + b * b, 0),
        ...Object.fromEntries(histogram.map((count, i) => [`rated_${i + 1}`, count])),
      };
      await db
        .insertInto('episode_tallies')
        .values({ episode_id: episodeId, ...values })
        .onConflict((oc) => oc.column('episode_id').doUpdateSet(values))
        .execute();
    },
    async baseline(episodeId: number, count: number, sum: number) {
      await tallies.setBaseline(episodeId, { count, sum });
    },
  };
}

/**
 * Writes vote rows as they are, untallied (recount where the tallies matter), a few thousand to a
 * statement: 2,000 rows of at most 11 values stay under both databases' limits on bound parameters.
 */
export async function insertVoteRows(db: Kysely<Database>, rows: Array<Insertable<Database['votes']>>) {
  for (let from = 0; from < rows.length; from += 2000)
    await db
      .insertInto('votes')
      .values(rows.slice(from, from + 2000))
      .execute();
}

/** The id of a show's episode, found by the show's slug and the episode's place. */
export async function episodeIdOf(db: Kysely<Database>, showSlug: string, season: number, episode: number): Promise<number> {
  const row = await db
    .selectFrom('episodes as e')
    .innerJoin('seasons as s', 's.id', 'e.season_id')
    .innerJoin('shows as sh', 'sh.id', 's.show_id')
    .select('e.id')
    .where('sh.slug', '=', showSlug)
    .where('s.number', '=', season)
    .where('e.number', '=', episode)
    .executeTakeFirstOrThrow();
  return row.id;
}
