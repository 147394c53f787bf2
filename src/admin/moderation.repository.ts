import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { VotesRepository } from '../votes/votes.repository.js';

export interface RecentVote {
  voterId: string;
  voterKind: string;
  rating: number;
  ip: string | null;
  updatedAt: string;
  /** When an import wrote this rating (null for a vote cast here); `updatedAt` is then what the file said. */
  importedAt: string | null;
}

export interface EpisodeExtremes {
  episodeId: number;
  votes: number;
  ones: number;
  tens: number;
}

export interface Block {
  id: number;
  kind: 'voter' | 'ip';
  value: string;
  createdBy: string;
  createdAt: string;
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
   * The votes that arrived last: by their time for votes cast here, by when the import wrote them
   * for imported ones, whose own times say whatever the file said (an import once hid 500
   * invented voters behind backdated times).
   */
  async newestVotes(episodeId: number, limit: number): Promise<RecentVote[]> {
    const columns = ['id', 'voter_id', 'voter_kind', 'rating', 'ip', 'updated_at', 'imported_at'] as const;
    const cast = await this.db
      .selectFrom('votes')
      .select(columns)
      .where('episode_id', '=', episodeId)
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    const imported = await this.db
      .selectFrom('votes')
      .select(columns)
      .where('episode_id', '=', episodeId)
      .where('imported_at', 'is not', null)
      .orderBy('imported_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    const arrived = (r: (typeof cast)[number]) => r.imported_at ?? r.updated_at;
    const rows = [...new Map([...cast, ...imported].map((r) => [r.id, r])).values()]
      .sort((a, b) => (arrived(a) === arrived(b) ? b.id - a.id : arrived(a) < arrived(b) ? 1 : -1))
      .slice(0, limit);
    return rows.map((r) => ({ voterId: r.voter_id, voterKind: r.voter_kind, rating: r.rating, ip: r.ip, updatedAt: r.updated_at, importedAt: r.imported_at }));
  }

  /** Per episode of a show: votes cast here and how many were 1s and 10s (from the tallies). */
  async extremes(showId: number): Promise<EpisodeExtremes[]> {
    const rows = await this.db
      .selectFrom('episode_tallies as t')
      .innerJoin('episodes as e', 'e.id', 't.episode_id')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .select(['t.episode_id', 't.vote_count', 't.rated_1', 't.rated_10'])
      .where('s.show_id', '=', showId)
      .execute();
    return rows.map((r) => ({ episodeId: r.episode_id, votes: Number(r.vote_count), ones: Number(r.rated_1), tens: Number(r.rated_10) }));
  }

  /** Votes per episode in the last hour and in the week before it, for the burst check. */
  async recentCounts(since: string, hourStart: string): Promise<Array<{ episodeId: number; lastHour: number; week: number }>> {
    const rows = await this.db
      .selectFrom('votes')
      .select((eb) => [
        'episode_id',
        eb.fn.sum<number>(eb.case().when('updated_at', '>=', hourStart).then(1).else(0).end()).as('last_hour'),
        eb.fn.countAll<number>().as('week'),
      ])
      .where('updated_at', '>=', since)
      .groupBy('episode_id')
      .execute();
    return rows.map((r) => ({ episodeId: r.episode_id, lastHour: Number(r.last_hour), week: Number(r.week) }));
  }

  /**
   * Deletes every rating of one voter and recounts the tallies they touched. Call it inside a
   * transaction (ModerationService does), so ratings and tallies change together.
   */
  static async removeVoter(trx: Transaction<Database>, voterId: string): Promise<Array<{ episodeId: number; rating: number }>> {
    const ratings = await trx.selectFrom('votes').select(['episode_id', 'rating']).where('voter_id', '=', voterId).execute();
    await trx.deleteFrom('votes').where('voter_id', '=', voterId).execute();
    for (const r of ratings) await VotesRepository.recountEpisode(trx, r.episode_id);
    return ratings.map((r) => ({ episodeId: r.episode_id, rating: r.rating }));
  }

  async listBlocks(): Promise<Block[]> {
    const rows = await this.db.selectFrom('vote_blocks').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, createdBy: r.created_by, createdAt: r.created_at }));
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
