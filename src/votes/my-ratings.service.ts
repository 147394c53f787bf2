/**
 * A fan's own ratings (/account/ratings): pages of them in the orders a fan asks for, with the
 * crowd's average beside each, and the same list as a CSV or JSON download written a batch at a
 * time, so a history of any length never sits in memory whole.
 */
import { episodeTitle } from '../catalog/catalog.types.js';
import { formatAverage } from '../ranking/ranking.js';
import { MY_RATINGS_PAGE_SIZE, type MyRatingsSort } from '../shared/my-ratings-sorts.js';
import { offsetOf, pageCountOf } from '../shared/paging.js';
import { csvRecord } from '../shared/csv.js';
import type { MyRatingOf, MyRatingRow, MyRatingsCursor, MyRatingsRepository } from './my-ratings.repository.js';
import type { VoterRef } from './votes.repository.js';

/** One rating as the list shows it: the row, its title as pages show it, and the crowd's average formatted as every page does. */
export interface MyRating extends MyRatingRow {
  displayTitle: string;
  /** "8.47", or null for an episode nobody's counted rating covers yet. */
  crowdAverage: string | null;
}

export interface MyRatingsPage {
  items: MyRating[];
  page: number;
  pageCount: number;
  total: number;
  sort: MyRatingsSort;
  /** The show filter (a slug) or null for every show. */
  show: string | null;
  /** The shows this voter rated something of, for the filter. */
  shows: Array<{ slug: string; title: string }>;
}

/** An episode and the voter's rating of it now (null when withdrawn), as the list names it after a change. */
export type RatedEpisode = MyRatingOf & { displayTitle: string };

/** The CSV download's columns, in order (its header row). */
export const MY_RATINGS_CSV_COLUMNS = ['show', 'season', 'episode', 'title', 'rating', 'rated_at'] as const;

/** Ratings read per batch of a download: small enough to hold, big enough that a long history takes few queries. */
const DOWNLOAD_BATCH = 500;

export class MyRatingsService {
  constructor(private readonly ratings: MyRatingsRepository) {}

  /**
   * One page of the voter's ratings. A page past the last comes back empty with the real page
   * count, so the route can say so; a visitor who never voted (null) has an empty list.
   */
  async page(voter: VoterRef | null, options: { sort: MyRatingsSort; show: string | null; page: number }): Promise<MyRatingsPage> {
    const empty = { items: [], page: options.page, pageCount: 1, total: 0, sort: options.sort, show: options.show, shows: [] };
    if (voter === null) return empty;
    const [total, shows] = await Promise.all([this.ratings.count(voter.id, options.show), this.ratings.shows(voter.id)]);
    const pageCount = pageCountOf(total, MY_RATINGS_PAGE_SIZE);
    const rows =
      options.page > pageCount
        ? []
        : await this.ratings.page(voter.id, {
            sort: options.sort,
            show: options.show,
            offset: offsetOf(options.page, MY_RATINGS_PAGE_SIZE),
            limit: MY_RATINGS_PAGE_SIZE,
          });
    return { ...empty, items: rows.map(present), pageCount, total, shows };
  }

  /**
   * What became of the voter's rating of one episode, for the list to say after the fan changed or
   * withdrew it there: the episode's title as pages show it and the rating now (null when gone).
   * Null for an unknown episode; a visitor who never voted has no rating of any.
   */
  async ratingOf(voter: VoterRef | null, episodeId: number): Promise<RatedEpisode | null> {
    // No voter id is empty, so a visitor without one finds the episode and no rating of it.
    const found = await this.ratings.ratingOf(voter?.id ?? '', episodeId);
    return found && { ...found, displayTitle: episodeTitle({ title: found.title, number: found.episode }) };
  }

  /** How many ratings the voter holds, counted and held (what a deletion would take). */
  async count(voter: VoterRef): Promise<number> {
    return this.ratings.count(voter.id, null);
  }

  /** The voter's ratings in show order, a batch at a time. */
  async *all(voter: VoterRef | null): AsyncGenerator<MyRating[]> {
    if (voter === null) return;
    let cursor: MyRatingsCursor | null = null;
    for (;;) {
      const rows = await this.ratings.batchAfter(voter.id, cursor, DOWNLOAD_BATCH);
      if (rows.length > 0) yield rows.map(present);
      if (rows.length < DOWNLOAD_BATCH) return;
      const last = rows.at(-1)!;
      cursor = { showTitle: last.showTitle, showId: last.showId, season: last.season, episode: last.episode, held: last.held };
    }
  }

  /** The CSV download (RFC 4180: CRLF line ends, fields quoted where needed), as text chunks. */
  async *csv(voter: VoterRef | null): AsyncGenerator<string> {
    yield csvRecord(MY_RATINGS_CSV_COLUMNS);
    for await (const batch of this.all(voter)) {
      // Titles are text and guarded against formulas (csvCell); the numbers are ours and stay numbers.
      yield batch.map((r) => csvRecord([r.showTitle, r.season, r.episode, r.displayTitle, r.rating, r.ratedAt])).join('');
    }
  }

  /** The JSON download: `{ "ratings": [ … ] }`, one object per rating, as text chunks. */
  async *json(voter: VoterRef | null): AsyncGenerator<string> {
    yield '{"ratings":[';
    let first = true;
    for await (const batch of this.all(voter)) {
      const items = batch.map((r) => JSON.stringify(ratingAsJson(r)));
      yield `${first ? '' : ','}${items.join(',')}`;
      first = false;
    }
    yield ']}\n';
  }
}

/** One rating as the JSON download and the API (/api/v1/me/ratings) give it. */
export function ratingAsJson(r: MyRating) {
  return {
    show: r.showSlug,
    showTitle: r.showTitle,
    season: r.season,
    episode: r.episode,
    title: r.displayTitle,
    rating: r.rating,
    ratedAt: r.ratedAt,
    held: r.held,
    crowdAverage: r.crowdAverage === null ? null : Number(r.crowdAverage),
    crowdVotes: r.crowd.count,
  };
}

function present(row: MyRatingRow): MyRating {
  return { ...row, displayTitle: episodeTitle({ title: row.title, number: row.episode }), crowdAverage: formatAverage(row.crowd) };
}
