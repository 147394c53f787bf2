/**
 * SQL for "what would this delete?": the counts a confirmation page states before a show, a season
 * or an episode goes. Ratings are summed from the episodes' tallies (kept in step with the votes in
 * the same transaction), so the cost follows the number of episodes in scope, never the votes.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface DeletionImpact {
  seasons: number;
  episodes: number;
  /** Ratings cast on this site (vote rows). */
  ratings: number;
  /** Votes imported with the catalogue as baseline tallies. */
  importedVotes: number;
}

export type DeletionScope = { showId: number } | { seasonId: number } | { episodeId: number };

export class DeletionImpactRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async measure(scope: DeletionScope): Promise<DeletionImpact> {
    let query = this.db
      .selectFrom('seasons')
      .innerJoin('shows', 'shows.id', 'seasons.show_id')
      .leftJoin('episodes', 'episodes.season_id', 'seasons.id')
      .leftJoin('episode_tallies', 'episode_tallies.episode_id', 'episodes.id')
      .select((eb) => [
        eb.fn.count<number | string>('seasons.id').distinct().as('seasons'),
        eb.fn.count<number | string>('episodes.id').as('episodes'),
        eb.fn.coalesce(eb.fn.sum<number | string>('episode_tallies.vote_count'), eb.lit(0)).as('ratings'),
        eb.fn.coalesce(eb.fn.sum<number | string>('episode_tallies.baseline_count'), eb.lit(0)).as('imported'),
      ]);
    if ('showId' in scope) query = query.where('shows.id', '=', scope.showId);
    else if ('seasonId' in scope) query = query.where('seasons.id', '=', scope.seasonId);
    else query = query.where('episodes.id', '=', scope.episodeId);
    const row = await query.executeTakeFirstOrThrow();
    return { seasons: Number(row.seasons), episodes: Number(row.episodes), ratings: Number(row.ratings), importedVotes: Number(row.imported) };
  }
}
