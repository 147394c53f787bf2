/**
 * SQL for one voter's own ratings, counted and held alike: a page of them in one of the list's
 * orders, the shows they cover, batches for a download, and removing them all with their tallies.
 * Every read starts from the voter's rows (votes_voter_index, held_ratings_voter_index), so its
 * cost follows the size of that voter's history, never the catalogue's.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { EPISODE_PLACE, episodesInPlace } from '../catalog/episode-place.js';
import type { Database } from '../db/schema.js';
import { assertTransaction } from '../db/transact.js';
import type { RatingChange } from '../shared/change-feed.js';
import type { MyRatingsSort } from '../shared/my-ratings-sorts.js';
import { recountEpisodes } from './tally-recount.repository.js';

/** One of the voter's ratings with where it belongs and the crowd's numbers beside it. */
export interface MyRatingRow {
  episodeId: number;
  showId: number;
  showSlug: string;
  showTitle: string;
  season: number;
  episode: number;
  /** As stored: null when the episode has no title (pages show "Episode N"). */
  title: string | null;
  rating: number;
  /** When the voter gave this rating: on the site they imported it from, if they did, else when they last set it here. */
  ratedAt: string;
  /** Recorded but held for a moderator's review, outside the tally. */
  held: boolean;
  /** The episode's votes and their sum, imported baselines included, as every page counts them. */
  crowd: { count: number; sum: number };
}

/** An episode and the voter's rating of it, if any (MyRatingsRepository.ratingOf). */
export interface MyRatingOf extends Pick<MyRatingRow, 'showSlug' | 'showTitle' | 'season' | 'episode' | 'title' | 'held'> {
  rating: number | null;
}

/** Where a download's next batch starts: just after this rating in show order. */
export interface MyRatingsCursor {
  showTitle: string;
  showId: number;
  season: number;
  episode: number;
  held: boolean;
}

const crowdCount = sql<number>`(coalesce(t.vote_count, 0) + coalesce(t.baseline_count, 0))`;
const crowdSum = sql<number>`(coalesce(t.vote_sum, 0) + coalesce(t.baseline_sum, 0))`;

export class MyRatingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One page of the voter's ratings in `sort` order, optionally of one show (by slug). Orders that
   * need nothing of the catalogue (newest, rating, disagree) pick the page's ratings first from the
   * voter's own rows (and their tallies) and join the catalogue to those alone: with 10,000 ratings,
   * joining every one to its episode, season and show before sorting was most of the cost.
   */
  async page(voterId: string, options: { sort: MyRatingsSort; show: string | null; offset: number; limit: number }): Promise<MyRatingRow[]> {
    const order = ORDERS[options.sort];
    if (options.sort === 'show' || options.show !== null) {
      let query = this.joined(voterId, options.show);
      for (const [expression, direction] of order) query = query.orderBy(expression, direction);
      return (await query.limit(options.limit).offset(options.offset).execute()).map(toRow);
    }
    let picking = this.db
      .selectFrom(mine(this.db, voterId).as('r'))
      .leftJoin('episode_tallies as t', 't.episode_id', 'r.episode_id')
      .select(['r.episode_id', 'r.held']);
    for (const [expression, direction] of order) picking = picking.orderBy(expression, direction);
    const picked = await picking.limit(options.limit).offset(options.offset).execute();
    if (picked.length === 0) return [];
    const rows = (await this.joined(voterId, null, [...new Set(picked.map((p) => p.episode_id))]).execute()).map(toRow);
    const byKey = new Map(rows.map((r) => [`${r.episodeId}:${r.held}`, r]));
    // An episode deleted between the two reads drops out of the page rather than failing it.
    return picked.flatMap((p) => byKey.get(`${p.episode_id}:${Number(p.held) === 1}`) ?? []);
  }

  /** How many ratings the voter holds, counted and held, optionally of one show. */
  async count(voterId: string, show: string | null): Promise<number> {
    if (show === null) {
      const [votes, held] = await Promise.all(
        (['votes', 'held_ratings'] as const).map((table) =>
          this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('voter_id', '=', voterId)
            .executeTakeFirstOrThrow(),
        ),
      );
      return Number(votes!.n) + Number(held!.n);
    }
    const row = await episodesInPlace(this.db)
      .innerJoin(mine(this.db, voterId).as('r'), 'r.episode_id', 'e.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sh.slug', '=', show)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * One episode, where it stands, and the voter's rating of it (null when they have none; a held
   * one before a counted one, as it is the later): what the list says after a rating changed from
   * it. Null for an episode that does not exist.
   */
  async ratingOf(voterId: string, episodeId: number): Promise<MyRatingOf | null> {
    const row = await episodesInPlace(this.db)
      .leftJoin(mine(this.db, voterId, [episodeId]).as('r'), 'r.episode_id', 'e.id')
      .select([...EPISODE_PLACE, 'e.title', 'r.rating', 'r.held'])
      .where('e.id', '=', episodeId)
      .orderBy('r.held', 'desc')
      .executeTakeFirst();
    if (!row) return null;
    return {
      showSlug: row.show_slug,
      showTitle: row.show_title,
      season: row.season_number,
      episode: row.episode_number,
      title: row.title,
      rating: row.rating ?? null,
      held: Number(row.held) === 1,
    };
  }

  /**
   * The shows the voter rated something of, by title, for the list's filter: their episodes'
   * seasons first (one primary-key lookup per rating), then only those seasons' shows.
   */
  async shows(voterId: string): Promise<Array<{ slug: string; title: string }>> {
    const seasons = this.db
      .selectFrom('episodes as e')
      .select('e.season_id')
      .where('e.id', 'in', this.db.selectFrom(mine(this.db, voterId).as('r')).select('r.episode_id'));
    return this.db
      .selectFrom('shows as sh')
      .select(['sh.slug', 'sh.title'])
      .where('sh.id', 'in', this.db.selectFrom('seasons as se').select('se.show_id').where('se.id', 'in', seasons))
      .orderBy('sh.title')
      .orderBy('sh.slug')
      .execute();
  }

  /**
   * Up to `limit` ratings in show order (show title, season, episode) after `cursor`, for a
   * download written a batch at a time: each batch starts where the last one ended, so none reads
   * past its own rows.
   */
  async batchAfter(voterId: string, cursor: MyRatingsCursor | null, limit: number): Promise<MyRatingRow[]> {
    let query = this.joined(voterId, null);
    if (cursor !== null) {
      query = query.where(
        sql<boolean>`(sh.title, sh.id, se.number, e.number, r.held) > (${cursor.showTitle}, ${cursor.showId}, ${cursor.season}, ${cursor.episode}, ${cursor.held ? 1 : 0})`,
      );
    }
    for (const [expression, direction] of ORDERS.show) query = query.orderBy(expression, direction);
    return (await query.limit(limit).execute()).map(toRow);
  }

  /**
   * Deletes every rating of the voter, counted and held, inside the transaction this repository is
   * bound to, and recounts the tallies that lost a counted one (taking their locks, as a
   * moderator's removal does), pausing after each recount when `afterEach` says so. Says what was
   * removed and which shows it touched.
   */
  async removeAll(
    voterId: string,
    afterEach?: () => Promise<void>,
  ): Promise<{ removed: Array<{ episodeId: number; rating: number; held: boolean }>; changes: RatingChange[] }> {
    const trx = this.db;
    assertTransaction(trx);
    const rows = await trx
      .selectFrom(mine(trx, voterId).as('r'))
      .innerJoin('episodes as e', 'e.id', 'r.episode_id')
      .innerJoin('seasons as se', 'se.id', 'e.season_id')
      .select(['r.episode_id', 'r.rating', 'r.held', 'se.show_id'])
      .orderBy('r.episode_id')
      .execute();
    if (rows.length === 0) return { removed: [], changes: [] };
    // A chunk of episodes at a time, in id order (the order recounts lock tallies in), so that no
    // one statement deletes a whole long history while every other request waits.
    const episodeIds = [...new Set(rows.map((r) => r.episode_id))];
    const counted = new Set(rows.filter((r) => Number(r.held) === 0).map((r) => r.episode_id));
    for (let i = 0; i < episodeIds.length; i += REMOVE_CHUNK) {
      const chunk = episodeIds.slice(i, i + REMOVE_CHUNK);
      await trx.deleteFrom('votes').where('voter_id', '=', voterId).where('episode_id', 'in', chunk).execute();
      await trx.deleteFrom('held_ratings').where('voter_id', '=', voterId).where('episode_id', 'in', chunk).execute();
      await afterEach?.();
      await recountEpisodes(
        trx,
        chunk.filter((id) => counted.has(id)),
        afterEach,
      );
    }
    return {
      removed: rows.map((r) => ({ episodeId: r.episode_id, rating: r.rating, held: Number(r.held) === 1 })),
      changes: rows.map((r) => ({ showId: r.show_id, episodeId: r.episode_id })),
    };
  }

  private joined(voterId: string, show: string | null, episodeIds?: readonly number[]) {
    let query = episodesInPlace(this.db)
      .innerJoin(mine(this.db, voterId, episodeIds).as('r'), 'r.episode_id', 'e.id')
      .leftJoin('episode_tallies as t', 't.episode_id', 'r.episode_id')
      .select(['r.episode_id', 'r.rating', 'r.rated_at', 'r.held', 'sh.id as show_id', ...EPISODE_PLACE, 'e.title'])
      .select([crowdCount.as('crowd_count'), crowdSum.as('crowd_sum')]);
    if (show !== null) query = query.where('sh.slug', '=', show);
    return query;
  }
}

/**
 * The voter's counted ratings and held ones, as one list; `held` tells them apart (0 or 1). Given
 * episode ids, only those (read through the unique (episode_id, voter_id) indexes). `rated_at` is
 * when the fan gave the rating: the date their file gave an imported one, else the last time here.
 */
function mine(db: Kysely<Database>, voterId: string, episodeIds?: readonly number[]) {
  const ratedAt = sql<string>`coalesce(given_at, updated_at)`.as('rated_at');
  let votes = db
    .selectFrom('votes')
    .select(['episode_id', 'rating', ratedAt, sql<number>`0`.as('held')])
    .where('voter_id', '=', voterId);
  let held = db
    .selectFrom('held_ratings')
    .select(['episode_id', 'rating', ratedAt, sql<number>`1`.as('held')])
    .where('voter_id', '=', voterId);
  if (episodeIds !== undefined) {
    votes = votes.where('episode_id', 'in', episodeIds);
    held = held.where('episode_id', 'in', episodeIds);
  }
  return votes.unionAll(held);
}

/** Episodes whose ratings one statement deletes. */
const REMOVE_CHUNK = 500;

type Order = Array<[RawBuilder<unknown>, 'asc' | 'desc']>;

const by = (...columns: Array<[string, 'asc' | 'desc']>): Order => columns.map(([column, direction]) => [sql.ref(column), direction]);

/**
 * Each order ends on (episode, held), which names one rating, so pages never overlap or skip. The
 * gap to the crowd is |rating × count − sum| / count, the distance from the average as pages show
 * it; episodes nobody counted (only held ratings) have no average and come last.
 */
const ORDERS: Record<MyRatingsSort, Order> = {
  newest: by(['r.rated_at', 'desc'], ['r.episode_id', 'desc'], ['r.held', 'asc']),
  show: by(['sh.title', 'asc'], ['sh.id', 'asc'], ['se.number', 'asc'], ['e.number', 'asc'], ['r.held', 'asc']),
  rating: by(['r.rating', 'desc'], ['r.rated_at', 'desc'], ['r.episode_id', 'desc'], ['r.held', 'asc']),
  disagree: [
    [sql`case when ${crowdCount} > 0 then 0 else 1 end`, 'asc'],
    // * 1.0: a fraction on both databases, where integer division would make gaps of 0.5 and 0 equal.
    [sql`abs(r.rating * ${crowdCount} - ${crowdSum}) * 1.0 / nullif(${crowdCount}, 0)`, 'desc'],
    ...by(['r.episode_id', 'asc'], ['r.held', 'asc']),
  ],
};

function toRow(r: {
  episode_id: number;
  rating: number;
  rated_at: string;
  held: number;
  show_id: number;
  show_slug: string;
  show_title: string;
  season_number: number;
  episode_number: number;
  title: string | null;
  crowd_count: number;
  crowd_sum: number;
}): MyRatingRow {
  return {
    episodeId: r.episode_id,
    showId: r.show_id,
    showSlug: r.show_slug,
    showTitle: r.show_title,
    season: r.season_number,
    episode: r.episode_number,
    title: r.title,
    rating: r.rating,
    ratedAt: r.rated_at,
    held: Number(r.held) === 1,
    crowd: { count: Number(r.crowd_count), sum: Number(r.crowd_sum) },
  };
}
