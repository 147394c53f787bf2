/**
 * SQL for held ratings (recorded, not counted): the moderator's paged list, the rows a bulk
 * release or discard matches, and the release (into `votes`) and discard themselves, which run on
 * the transaction the service's store bound them to, so the service can recount and audit in it.
 */
import type { Kysely, Selectable } from 'kysely';
import { networkOrder } from '../shared/network-levels.js';
import type { Database, HeldRatingsTable, HoldReason } from '../db/schema.js';
import { idKeysetPage, type KeysetPage } from '../editing/admin-paging.js';
import { storedRatingOf, type StoredRating } from './stored-rating.js';

export interface HeldRating extends StoredRating {
  reason: HoldReason;
  heldAt: string;
}

/** Which held ratings: of a show or one episode, from one network, or only the rows checked. */
export interface HeldFilter {
  showId?: number | undefined;
  episodeId?: number | undefined;
  network?: string | undefined;
  /** Every form `network` may be stored in (itself, its keyed hash once forgotten); `network` alone when absent. */
  networkForms?: readonly string[] | undefined;
  ids?: readonly number[] | undefined;
}

// Rows per statement that names rows: under both databases' limits on bound parameters.
const ROW_BATCH = 200;

export class HeldRatingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A page of the held ratings of a filter, newest first (ids only grow, so they order by time held). */
  async page(filter: HeldFilter, cursor: { before?: number | undefined; after?: number | undefined }, limit: number): Promise<KeysetPage<HeldRating, number>> {
    return idKeysetPage(cursor, limit, () => this.filtered(filter), toHeld);
  }

  /** Up to `limit` held ratings of the filter with ids above `afterId`, oldest first (for bulk actions). */
  async matchingPage(filter: HeldFilter, afterId: number, limit: number): Promise<HeldRating[]> {
    const rows = await this.filtered(filter).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map(toHeld);
  }

  /**
   * How many ratings are held, counting no further than `cap`: the header reads it on an admin's
   * every page, so it reads at most `cap` index entries however many a flood left held.
   */
  async countUpTo(cap: number): Promise<number> {
    const row = await this.db
      .selectFrom((eb) => eb.selectFrom('held_ratings').select('id').limit(cap).as('h'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(filter: HeldFilter) {
    let query = this.db.selectFrom('held_ratings').selectAll();
    if (filter.episodeId !== undefined) query = query.where('episode_id', '=', filter.episodeId);
    else if (filter.showId !== undefined) {
      const showId = filter.showId;
      query = query.where('episode_id', 'in', (eb) =>
        eb.selectFrom('episodes as e').innerJoin('seasons as s', 's.id', 'e.season_id').select('e.id').where('s.show_id', '=', showId),
      );
    }
    if (filter.network !== undefined) query = query.where('network', 'in', filter.networkForms ?? [filter.network]);
    if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids.length > 0 ? [...filter.ids] : [0]);
    return query;
  }

  /**
   * Counts these held ratings: each becomes its voter's rating of its episode, replacing one the
   * voter may have cast since, with its address and network carried over. The caller recounts
   * the episodes in the same transaction.
   */
  async release(held: readonly HeldRating[]): Promise<void> {
    for (let i = 0; i < held.length; i += ROW_BATCH) {
      const batch = held.slice(i, i + ROW_BATCH);
      await this.db
        .deleteFrom('votes')
        .where((eb) => eb.or(batch.map((h) => eb.and([eb('episode_id', '=', h.episodeId), eb('voter_id', '=', h.voterId)]))))
        .execute();
      await this.db
        .insertInto('votes')
        .values(
          batch.map((h) => ({
            episode_id: h.episodeId,
            voter_id: h.voterId,
            voter_kind: h.voterKind,
            rating: h.rating,
            ip: h.ip,
            network: h.network,
            network_order: networkOrder(h.network),
            // When the voter set it, not when it was released: what per-network counts go by.
            cast_at: h.updatedAt,
            updated_at: h.updatedAt,
            given_at: h.givenAt,
          })),
        )
        .execute();
    }
    await this.discard(held.map((h) => h.id));
  }

  /** Deletes these held ratings. */
  async discard(ids: readonly number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += ROW_BATCH)
      await this.db
        .deleteFrom('held_ratings')
        .where('id', 'in', ids.slice(i, i + ROW_BATCH))
        .execute();
  }
}

function toHeld(r: Selectable<HeldRatingsTable>): HeldRating {
  return { ...storedRatingOf(r), reason: r.reason, heldAt: r.held_at };
}
