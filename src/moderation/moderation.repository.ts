/**
 * SQL behind the moderation pages: recent votes, flagged episodes' numbers, blocks, and removing
 * a voter's ratings.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { recountEpisodes } from '../votes/tally-recount.repository.js';
import { idKeysetPage, keysetPage, type KeysetPage } from '../editing/admin-paging.js';
import type { Block } from '../votes/vote-blocks.js';
import { storedRatingOf, type StoredRating } from './stored-rating.js';

export interface RecentVote extends StoredRating {
  /** When an import wrote this rating (null for a vote cast here); `updatedAt` is then what the file said. */
  importedAt: string | null;
  /** When it reached this database: `importedAt` for an imported rating, `updatedAt` otherwise. */
  arrivedAt: string;
}

/** Where a page of an episode's votes starts: a vote's arrival time, with its id to break ties. */
export interface VoteCursor {
  at: string;
  id: number;
}

export interface EpisodeExtremes {
  episodeId: number;
  showId: number;
  votes: number;
  ones: number;
  tens: number;
}

/** SQL for moderation: the reads moderators need, and removing a voter's ratings. */
export class ModerationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Votes per hour (by last change) since `since`, oldest hour first; hours are "YYYY-MM-DDTHH". */
  async votesPerHour(episodeId: number, since: string): Promise<Array<{ hour: string; votes: number }>> {
    const hour = sql<string>`substr(updated_at, 1, 13)`;
    const rows = await this.db
      .selectFrom('votes')
      .select([hour.as('hour'), (eb) => eb.fn.countAll<number>().as('votes')])
      .where('episode_id', '=', episodeId)
      .where('updated_at', '>=', since)
      .groupBy(hour)
      .orderBy(hour)
      .execute();
    return rows.map((r) => ({ hour: r.hour, votes: Number(r.votes) }));
  }

  /**
   * One page of an episode's votes in the order they arrived: by their time for votes cast here, by
   * when the import wrote them for imported ones, whose own times say whatever the file said (an
   * import once hid 500 invented voters behind backdated times). Each kind is read through its own
   * index and the two are merged, so a page costs its size whatever the episode's vote count.
   */
  async votesByArrival(
    episodeId: number,
    cursor: { before?: VoteCursor | undefined; after?: VoteCursor | undefined },
    limit: number,
  ): Promise<KeysetPage<RecentVote, VoteCursor>> {
    return keysetPage(
      cursor,
      limit,
      (direction, from, count) => this.arrivals(episodeId, direction, from, count),
      (v) => ({ at: v.arrivedAt, id: v.id }),
    );
  }

  private async arrivals(episodeId: number, direction: 'older' | 'newer', from: VoteCursor | null, count: number): Promise<RecentVote[]> {
    const older = direction === 'older';
    const columns = ['id', 'episode_id', 'voter_id', 'voter_kind', 'rating', 'ip', 'network', 'updated_at', 'given_at', 'imported_at'] as const;
    const read = (time: 'updated_at' | 'imported_at') => {
      let query = this.db
        .selectFrom('votes')
        .select(columns)
        .where('episode_id', '=', episodeId)
        .where('imported_at', time === 'imported_at' ? 'is not' : 'is', null);
      if (from) {
        query = query.where((eb) => eb.or([eb(time, older ? '<' : '>', from.at), eb.and([eb(time, '=', from.at), eb('id', older ? '<' : '>', from.id)])]));
      }
      return query
        .orderBy(time, older ? 'desc' : 'asc')
        .orderBy('id', older ? 'desc' : 'asc')
        .limit(count)
        .execute();
    };
    const [cast, imported] = await Promise.all([read('updated_at'), read('imported_at')]);
    const votes = [...cast, ...imported].map((r) => ({ ...storedRatingOf(r), importedAt: r.imported_at, arrivedAt: r.imported_at ?? r.updated_at }));
    const sign = older ? -1 : 1;
    return votes.sort((a, b) => sign * (a.arrivedAt === b.arrivedAt ? a.id - b.id : a.arrivedAt < b.arrivedAt ? -1 : 1)).slice(0, count);
  }

  /** Of some episodes, their show and their votes cast here with how many were 1s and 10s (from the tallies). */
  async extremesOf(episodeIds: readonly number[]): Promise<EpisodeExtremes[]> {
    const found: EpisodeExtremes[] = [];
    for (const ids of chunks(episodeIds, 500)) {
      const rows = await this.db
        .selectFrom('episode_tallies as t')
        .innerJoin('episodes as e', 'e.id', 't.episode_id')
        .innerJoin('seasons as s', 's.id', 'e.season_id')
        .select(['t.episode_id', 's.show_id', 't.vote_count', 't.rated_1', 't.rated_10'])
        .where('t.episode_id', 'in', ids)
        .execute();
      for (const r of rows)
        found.push({ episodeId: r.episode_id, showId: r.show_id, votes: Number(r.vote_count), ones: Number(r.rated_1), tens: Number(r.rated_10) });
    }
    return found;
  }

  /** The same sums over whole shows: what an episode's share of extreme ratings is compared with. */
  async showExtremes(showIds: readonly number[]): Promise<Map<number, { title: string; votes: number; ones: number; tens: number }>> {
    const found = new Map<number, { title: string; votes: number; ones: number; tens: number }>();
    for (const ids of chunks(showIds, 500)) {
      const rows = await this.db
        .selectFrom('episode_tallies as t')
        .innerJoin('episodes as e', 'e.id', 't.episode_id')
        .innerJoin('seasons as s', 's.id', 'e.season_id')
        .innerJoin('shows as sh', 'sh.id', 's.show_id')
        .select((eb) => [
          's.show_id',
          'sh.title',
          eb.fn.sum<number>('t.vote_count').as('votes'),
          eb.fn.sum<number>('t.rated_1').as('ones'),
          eb.fn.sum<number>('t.rated_10').as('tens'),
        ])
        .where('s.show_id', 'in', ids)
        .groupBy(['s.show_id', 'sh.title'])
        .execute();
      for (const r of rows) found.set(r.show_id, { title: r.title, votes: Number(r.votes), ones: Number(r.ones), tens: Number(r.tens) });
    }
    return found;
  }

  /** How far one voter's ratings reach: what the removal's confirmation page says. */
  async voterReach(voterId: string): Promise<{ ratings: number; episodes: number; shows: number }> {
    const row = await this.db
      .selectFrom('votes as v')
      .innerJoin('episodes as e', 'e.id', 'v.episode_id')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('ratings'),
        eb.fn.count<number>('v.episode_id').distinct().as('episodes'),
        eb.fn.count<number>('s.show_id').distinct().as('shows'),
      ])
      .where('v.voter_id', '=', voterId)
      .executeTakeFirstOrThrow();
    return { ratings: Number(row.ratings), episodes: Number(row.episodes), shows: Number(row.shows) };
  }

  /**
   * Deletes every rating of one voter and recounts the tallies they touched. Bound to a
   * transaction (ModerationService's store.transact), so ratings and tallies change together.
   */
  async removeVoter(voterId: string): Promise<Array<{ episodeId: number; rating: number }>> {
    const ratings = await this.db.selectFrom('votes').select(['episode_id', 'rating']).where('voter_id', '=', voterId).execute();
    await this.db.deleteFrom('votes').where('voter_id', '=', voterId).execute();
    await recountEpisodes(
      this.db,
      ratings.map((r) => r.episode_id),
    );
    return ratings.map((r) => ({ episodeId: r.episode_id, rating: r.rating }));
  }

  async listBlocks(): Promise<Block[]> {
    const rows = await this.db.selectFrom('vote_blocks').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, createdBy: r.created_by, createdAt: r.created_at }));
  }

  /** Blocks newest first, a page at a time (ids only grow, so they order blocks by time). */
  async blocksPage(cursor: { before?: number | undefined; after?: number | undefined }, limit: number): Promise<KeysetPage<Block, number>> {
    return idKeysetPage(
      cursor,
      limit,
      () => this.db.selectFrom('vote_blocks').selectAll(),
      (r) => ({ id: r.id, kind: r.kind, value: r.value, createdBy: r.created_by, createdAt: r.created_at }),
    );
  }

  async countBlocks(): Promise<number> {
    const row = await this.db
      .selectFrom('vote_blocks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async addBlock(kind: 'voter' | 'ip', value: string, createdBy: string, at: string): Promise<void> {
    await this.db
      .insertInto('vote_blocks')
      .values({ kind, value, created_by: createdBy, created_at: at })
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .execute();
  }

  async removeBlock(id: number): Promise<Block | null> {
    const row = await this.db.selectFrom('vote_blocks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    await this.db.deleteFrom('vote_blocks').where('id', '=', id).execute();
    return { id: row.id, kind: row.kind, value: row.value, createdBy: row.created_by, createdAt: row.created_at };
  }
}

/** Long id lists go in slices, under both databases' limits on bound parameters. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size));
  return slices;
}
