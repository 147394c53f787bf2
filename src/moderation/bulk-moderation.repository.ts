/**
 * SQL for bulk moderation of counted ratings: reading the ratings a selection may match, a page
 * at a time, the figures a preview compares, and removing or holding the matched ratings inside
 * the transaction the service's store bound them to (the service recounts and audits in it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { storedRatingOf, type StoredRating } from './stored-rating.js';

/** One counted rating as a bulk action sees it. */
export interface CountedRating extends StoredRating {
  castAt: string;
}

/**
 * What SQL can narrow a selection to: a scope (one episode or a show's episodes), an exact
 * network (`votes.network`, the IPv4 address or IPv6 /64) or exact address, and a window on the
 * time a rating was last set (`from` inclusive, `to` exclusive). A range that is neither an address
 * nor a /64 is filtered by the caller over these rows.
 */
export interface RatingFilter {
  scope: { episodeId: number } | { showId: number };
  network?: string | undefined;
  ip?: string | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}

/** A tally as the ranking reads it: votes cast here plus any imported baseline. */
export interface Figures {
  count: number;
  sum: number;
}

// Rows per statement that names ids: under both databases' limits on bound parameters.
const ID_BATCH = 500;

export class BulkModerationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Up to `limit` ratings of the filter with ids above `afterId`, in id order (a keyset page). */
  async ratingsPage(filter: RatingFilter, afterId: number, limit: number): Promise<CountedRating[]> {
    let query = this.db
      .selectFrom('votes')
      .select(['id', 'episode_id', 'voter_id', 'voter_kind', 'rating', 'ip', 'network', 'cast_at', 'updated_at', 'given_at'])
      .where('id', '>', afterId);
    if ('episodeId' in filter.scope) {
      query = query.where('episode_id', '=', filter.scope.episodeId);
    } else {
      const showId = filter.scope.showId;
      query = query.where('episode_id', 'in', (eb) =>
        eb.selectFrom('episodes as e').innerJoin('seasons as s', 's.id', 'e.season_id').select('e.id').where('s.show_id', '=', showId),
      );
    }
    if (filter.network !== undefined) query = query.where('network', '=', filter.network);
    if (filter.ip !== undefined) query = query.where('ip', '=', filter.ip);
    if (filter.from) query = query.where('updated_at', '>=', filter.from);
    if (filter.to) query = query.where('updated_at', '<', filter.to);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ ...storedRatingOf(r), castAt: r.cast_at }));
  }

  /** The counted figures of some episodes (votes and baseline together, as rankings add them). */
  async episodeFigures(episodeIds: readonly number[]): Promise<Map<number, Figures>> {
    const found = new Map<number, Figures>();
    for (let i = 0; i < episodeIds.length; i += ID_BATCH) {
      const rows = await this.db
        .selectFrom('episode_tallies')
        .select(['episode_id', 'vote_count', 'vote_sum', 'baseline_count', 'baseline_sum'])
        .where('episode_id', 'in', episodeIds.slice(i, i + ID_BATCH))
        .execute();
      for (const r of rows) {
        found.set(r.episode_id, { count: Number(r.vote_count) + Number(r.baseline_count), sum: Number(r.vote_sum) + Number(r.baseline_sum) });
      }
    }
    return found;
  }

  /** A show's totals (baselines included), kept per show by triggers: the fan score's prior. */
  async showFigures(showId: number): Promise<Figures> {
    const row = await this.db.selectFrom('show_figures').select(['vote_count', 'vote_sum']).where('show_id', '=', showId).executeTakeFirst();
    return { count: Number(row?.vote_count ?? 0), sum: Number(row?.vote_sum ?? 0) };
  }

  /** Deletes these ratings. The caller recounts their episodes in the same transaction. */
  async deleteRatings(ids: readonly number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += ID_BATCH)
      await this.db
        .deleteFrom('votes')
        .where('id', 'in', ids.slice(i, i + ID_BATCH))
        .execute();
  }

  /**
   * Moves these ratings to `held_ratings` (reason 'moderator') and out of `votes`. A voter already
   * holding a rating of that episode keeps whichever of the two was set last, so one voter never
   * holds two ratings of one episode, counted or not (the service's audit entry keeps the other).
   */
  async holdRatings(ratings: readonly CountedRating[], heldAt: string): Promise<void> {
    for (let i = 0; i < ratings.length; i += ID_BATCH) {
      const batch = ratings.slice(i, i + ID_BATCH);
      await this.db
        .insertInto('held_ratings')
        .values(
          batch.map((r) => ({
            episode_id: r.episodeId,
            voter_id: r.voterId,
            voter_kind: r.voterKind,
            rating: r.rating,
            ip: r.ip,
            network: r.network,
            reason: 'moderator' as const,
            held_at: heldAt,
            updated_at: r.updatedAt,
            given_at: r.givenAt,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['episode_id', 'voter_id'])
            .doUpdateSet((eb) => ({
              voter_kind: eb.ref('excluded.voter_kind'),
              rating: eb.ref('excluded.rating'),
              ip: eb.ref('excluded.ip'),
              network: eb.ref('excluded.network'),
              reason: eb.ref('excluded.reason'),
              held_at: eb.ref('excluded.held_at'),
              updated_at: eb.ref('excluded.updated_at'),
              given_at: eb.ref('excluded.given_at'),
            }))
            .whereRef('excluded.updated_at', '>=', 'held_ratings.updated_at'),
        )
        .execute();
    }
    await this.deleteRatings(ratings.map((r) => r.id));
  }
}
