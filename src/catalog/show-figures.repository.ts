/**
 * SQL for the stored per-show and per-season figures (migration 0007): what list pages read
 * instead of adding up every episode's tally, and what the best-episode refresher reads and writes.
 * Every list query here is LIMITed, so its cost follows the page, not the catalogue.
 */
import { sql, type Kysely } from 'kysely';
import { HISTOGRAM_COLUMNS, type Database, type ShowRow } from '../db/schema.js';
import type { RankableEpisode } from '../ranking/ranking.js';
import type { EpisodeStanding } from '../ranking/standings.repository.js';
import type { Show } from './catalog.types.js';

/** One show with its stored figures. */
export interface ShowFigures {
  show: Show;
  /** N and T: votes here plus baselines, over every episode. */
  votes: number;
  voteSum: number;
  episodeCount: number;
  ratedEpisodeCount: number;
  lastVoteAt: string | null;
  /** The best episode as last computed; may lag the latest vote (see BestEpisodeRefresher). */
  bestEpisodeId: number | null;
  /** The best episode has never been computed for the show as it is (new show, deleted best). */
  bestUnknown: boolean;
  /** Votes or episodes changed since the best episode was computed. */
  bestStale: boolean;
}

export interface SeasonFigures {
  seasonId: number;
  seasonNumber: number;
  episodeCount: number;
  ratedEpisodeCount: number;
  count: number;
  sum: number;
}

/** What the refresher ranks: the show's totals and its rated episodes, read after `changes`. */
export interface RankingInput {
  changes: number;
  showCount: number;
  showSum: number;
  episodes: RankableEpisode[];
}

export class ShowFiguresRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The shows with the most votes (ties: the older show first). */
  async mostVoted(limit: number): Promise<ShowFigures[]> {
    const rows = await this.withShows().orderBy('f.vote_count', 'desc').orderBy('f.show_id').limit(limit).execute();
    return rows.map(toFigures);
  }

  /** The shows voted on most recently; shows nobody has voted on are left out. */
  async recentlyActive(limit: number): Promise<ShowFigures[]> {
    const rows = await this.withShows()
      .where('f.last_vote_at', 'is not', null)
      .orderBy('f.last_vote_at', 'desc')
      .orderBy('f.show_id')
      .limit(limit)
      .execute();
    return rows.map(toFigures);
  }

  /**
   * A page of shows in title order, optionally only those whose title contains `query`
   * (case-insensitive on both databases), with how many there are on all pages.
   */
  async page(options: { query?: string; limit: number; offset: number }): Promise<{ items: ShowFigures[]; total: number }> {
    let rows = this.withShows();
    let count = this.db.selectFrom('shows as sh');
    if (options.query) {
      // LIKE wildcards typed by a visitor are matched literally.
      const pattern = `%${options.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      rows = rows.where(sql<boolean>`lower(sh.title) like ${pattern} escape '\\'`);
      count = count.where(sql<boolean>`lower(sh.title) like ${pattern} escape '\\'`);
    }
    const [items, total] = await Promise.all([
      rows.orderBy('sh.title').orderBy('sh.id').limit(options.limit).offset(options.offset).execute(),
      count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: items.map(toFigures), total: Number(total.n) };
  }

  async countShows(): Promise<number> {
    const row = await this.db.selectFrom('shows').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The shows' current best episode ids, as the refresher last stored them. */
  async bestEpisodeIds(showIds: readonly number[]): Promise<Map<number, number | null>> {
    if (showIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('show_figures')
      .select(['show_id', 'best_episode_id'])
      .where('show_id', 'in', showIds)
      .execute();
    return new Map(rows.map((r) => [r.show_id, r.best_episode_id]));
  }

  /** A show's seasons in order with their stored counts and totals. */
  async seasons(showId: number): Promise<SeasonFigures[]> {
    const rows = await this.db
      .selectFrom('season_figures as f')
      .innerJoin('seasons as s', 's.id', 'f.season_id')
      .select(['f.season_id', 's.number', 'f.episode_count', 'f.rated_episode_count', 'f.vote_count', 'f.vote_sum'])
      .where('f.show_id', '=', showId)
      .orderBy('s.number')
      .execute();
    return rows.map((r) => ({
      seasonId: r.season_id,
      seasonNumber: r.number,
      episodeCount: Number(r.episode_count),
      ratedEpisodeCount: Number(r.rated_episode_count),
      count: Number(r.vote_count),
      sum: Number(r.vote_sum),
    }));
  }

  /** The standings of a few named episodes (the best of each show on a page), in one query. */
  async standingsOf(episodeIds: readonly number[]): Promise<Map<number, EpisodeStanding>> {
    if (episodeIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('episodes as e')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .leftJoin('episode_tallies as t', 't.episode_id', 'e.id')
      .select([
        'e.id',
        'e.season_id',
        'e.number',
        'e.title',
        'e.air_date',
        'e.synopsis',
        's.show_id',
        's.number as season_number',
        't.vote_count',
        't.vote_sum',
        't.vote_sum_sq',
        't.baseline_count',
        't.baseline_sum',
        ...HISTOGRAM_COLUMNS.map((c) => `t.${c}` as const),
      ])
      .where('e.id', 'in', episodeIds)
      .execute();
    return new Map(
      rows.map((row) => {
        const votesHere = Number(row.vote_count ?? 0);
        const baselineCount = Number(row.baseline_count ?? 0);
        const standing: EpisodeStanding = {
          id: row.id,
          showId: row.show_id,
          seasonId: row.season_id,
          seasonNumber: row.season_number,
          episodeNumber: row.number,
          title: row.title,
          airDate: row.air_date,
          synopsis: row.synopsis,
          count: votesHere + baselineCount,
          sum: Number(row.vote_sum ?? 0) + Number(row.baseline_sum ?? 0),
          votesHere,
          sumOfSquaresHere: Number(row.vote_sum_sq ?? 0),
          histogram: HISTOGRAM_COLUMNS.map((column) => Number(row[column] ?? 0)),
          baselineCount,
        };
        return [row.id, standing];
      }),
    );
  }

  /**
   * What the best episode is chosen from. The change count is read first: the episodes read after
   * it are at least that new, so a best recorded under it is never newer than it claims.
   */
  async rankingInput(showId: number): Promise<RankingInput | null> {
    const figures = await this.db
      .selectFrom('show_figures')
      .select(['tally_changes', 'vote_count', 'vote_sum'])
      .where('show_id', '=', showId)
      .executeTakeFirst();
    if (!figures) return null;
    const rows = await this.db
      .selectFrom('episode_tallies as t')
      .innerJoin('episodes as e', 'e.id', 't.episode_id')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .select(['e.id', 'e.number', 's.number as season_number', 't.vote_count', 't.vote_sum', 't.baseline_count', 't.baseline_sum'])
      .where('s.show_id', '=', showId)
      .execute();
    const episodes: RankableEpisode[] = [];
    for (const r of rows) {
      const count = Number(r.vote_count) + Number(r.baseline_count);
      if (count > 0) {
        episodes.push({ id: r.id, seasonNumber: r.season_number, episodeNumber: r.number, count, sum: Number(r.vote_sum) + Number(r.baseline_sum) });
      }
    }
    return { changes: Number(figures.tally_changes), showCount: Number(figures.vote_count), showSum: Number(figures.vote_sum), episodes };
  }

  /**
   * Stores a show's best episode as computed at change count `changes`, unless a newer answer is
   * already there, or the episode was deleted meanwhile (its deletion asks for a new answer).
   */
  async recordBest(showId: number, bestEpisodeId: number | null, changes: number): Promise<void> {
    await this.db
      .updateTable('show_figures')
      .set({ best_episode_id: bestEpisodeId, best_changes: changes })
      .where('show_id', '=', showId)
      .where((eb) => eb.or([eb('best_changes', 'is', null), eb('best_changes', '<', changes)]))
      .where((eb) =>
        bestEpisodeId === null
          ? eb.lit(true)
          : eb.exists(eb.selectFrom('episodes').select('id').where('id', '=', bestEpisodeId)),
      )
      .execute();
  }

  private withShows() {
    return this.db
      .selectFrom('show_figures as f')
      .innerJoin('shows as sh', 'sh.id', 'f.show_id')
      .selectAll('sh')
      .select([
        'f.vote_count',
        'f.vote_sum',
        'f.episode_count',
        'f.rated_episode_count',
        'f.last_vote_at',
        'f.tally_changes',
        'f.best_episode_id',
        'f.best_changes',
      ]);
  }
}

type FiguresRow = ShowRow & {
  vote_count: number;
  vote_sum: number;
  episode_count: number;
  rated_episode_count: number;
  last_vote_at: string | null;
  tally_changes: number;
  best_episode_id: number | null;
  best_changes: number | null;
};

function toFigures(row: FiguresRow): ShowFigures {
  const bestUnknown = row.best_changes === null;
  return {
    show: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      synopsis: row.synopsis,
      network: row.network,
      status: row.status,
      lastUpdated: row.last_updated,
    },
    votes: Number(row.vote_count),
    voteSum: Number(row.vote_sum),
    episodeCount: Number(row.episode_count),
    ratedEpisodeCount: Number(row.rated_episode_count),
    lastVoteAt: row.last_vote_at,
    bestEpisodeId: row.best_episode_id,
    bestUnknown,
    bestStale: bestUnknown || Number(row.best_changes) !== Number(row.tally_changes),
  };
}
