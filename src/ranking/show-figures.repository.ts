/**
 * SQL for the stored per-show and per-season figures (migration 0007): what list pages read
 * instead of adding up every episode's tally, and what the best-episode refresher reads and writes.
 * Every list query here is LIMITed, so its cost follows the page, not the catalogue.
 */
import { sql, type Kysely } from 'kysely';
import { HISTOGRAM_COLUMNS, type Database, type ShowRow } from '../db/schema.js';
import type { RankableEpisode } from './ranking.js';
import { tallyOf, type EpisodeStanding, type StandingsRepository } from './standings.repository.js';
import type { Show } from '../catalog/catalog.types.js';
import { countShows, toShow } from '../catalog/catalog.repository.js';

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
  /** That episode's standing, read with the figures; null when there is none or it was just deleted. */
  best: EpisodeStanding | null;
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
  constructor(
    private readonly db: Kysely<Database>,
    /** On the same handle: standingsOf reads the standings' own query. */
    private readonly standings: StandingsRepository,
  ) {}

  /** The shows with the most votes (ties: the older show first). */
  async mostVoted(limit: number): Promise<ShowFigures[]> {
    const rows = await this.withShows().orderBy('f.vote_count', 'desc').orderBy('f.show_id').limit(limit).execute();
    return rows.map(toFigures);
  }

  /** The shows voted on most recently; shows nobody has voted on are left out. */
  async recentlyActive(limit: number): Promise<ShowFigures[]> {
    const rows = await this.withShows().where('f.last_vote_at', 'is not', null).orderBy('f.last_vote_at', 'desc').orderBy('f.show_id').limit(limit).execute();
    return rows.map(toFigures);
  }

  /**
   * A page of shows in title order, optionally only those whose title contains `query`
   * (case-insensitive on both databases).
   */
  async page(options: { query?: string; limit: number; offset: number }): Promise<ShowFigures[]> {
    let rows = this.withShows();
    if (options.query) rows = rows.where(titleContains(options.query));
    const items = await rows.orderBy('sh.title').orderBy('sh.id').limit(options.limit).offset(options.offset).execute();
    return items.map(toFigures);
  }

  /** How many shows' titles contain `query`, as `page` matches them. */
  async countMatching(query: string): Promise<number> {
    const row = await this.db
      .selectFrom('shows as sh')
      .where(titleContains(query))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countShows(): Promise<number> {
    return countShows(this.db);
  }

  /** The shows' current best episode ids, as the refresher last stored them. */
  async bestEpisodeIds(showIds: readonly number[]): Promise<Map<number, number | null>> {
    if (showIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('show_figures').select(['show_id', 'best_episode_id']).where('show_id', 'in', showIds).execute();
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
    const standings = await this.standings.episodeStandings({ episodeIds });
    return new Map(standings.map((standing) => [standing.id, standing]));
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
      .where((eb) => (bestEpisodeId === null ? eb.lit(true) : eb.exists(eb.selectFrom('episodes').select('id').where('id', '=', bestEpisodeId))))
      .execute();
  }

  /**
   * Shows with their figures and, in the same query, the standing of the best episode as last
   * stored: a list page is one query here instead of one for the shows and another for their bests.
   */
  private withShows() {
    return this.db
      .selectFrom('show_figures as f')
      .innerJoin('shows as sh', 'sh.id', 'f.show_id')
      .leftJoin('episodes as be', 'be.id', 'f.best_episode_id')
      .leftJoin('seasons as bs', 'bs.id', 'be.season_id')
      .leftJoin('episode_tallies as bt', 'bt.episode_id', 'be.id')
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
        'be.season_id as best_season_id',
        'be.number as best_number',
        'be.title as best_title',
        'be.air_date as best_air_date',
        'be.synopsis as best_synopsis',
        'bs.number as best_season_number',
        'bt.vote_count as best_vote_count',
        'bt.vote_sum as best_vote_sum',
        'bt.vote_sum_sq as best_vote_sum_sq',
        'bt.baseline_count as best_baseline_count',
        'bt.baseline_sum as best_baseline_sum',
        ...HISTOGRAM_COLUMNS.map((c) => `bt.${c} as best_${c}` as const),
      ]);
  }
}

/** A title filter typed by a visitor: LIKE wildcards in it are matched literally. */
function titleContains(query: string) {
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(sh.title) like ${pattern} escape '\\'`;
}

type HistogramColumn = (typeof HISTOGRAM_COLUMNS)[number];

type FiguresRow = ShowRow & {
  vote_count: number;
  vote_sum: number;
  episode_count: number;
  rated_episode_count: number;
  last_vote_at: string | null;
  tally_changes: number;
  best_episode_id: number | null;
  best_changes: number | null;
  /** The stored best episode's columns; null when there is none (or it was deleted meanwhile). */
  best_season_id: number | null;
  best_number: number | null;
  best_title: string | null;
  best_air_date: string | null;
  best_synopsis: string | null;
  best_season_number: number | null;
  best_vote_count: number | null;
  best_vote_sum: number | null;
  best_vote_sum_sq: number | null;
  best_baseline_count: number | null;
  best_baseline_sum: number | null;
} & { [C in HistogramColumn as `best_${C}`]: number | null };

function bestStandingOf(row: FiguresRow): EpisodeStanding | null {
  // No season: no best stored, or the episode was deleted after the figures row named it.
  if (row.best_episode_id === null || row.best_season_id === null) return null;
  return {
    id: row.best_episode_id,
    showId: row.id,
    seasonId: row.best_season_id,
    seasonNumber: row.best_season_number!,
    episodeNumber: row.best_number!,
    title: row.best_title,
    airDate: row.best_air_date,
    synopsis: row.best_synopsis,
    ...tallyOf(
      row.best_vote_count,
      row.best_vote_sum,
      row.best_vote_sum_sq,
      row.best_baseline_count,
      row.best_baseline_sum,
      HISTOGRAM_COLUMNS.map((c) => row[`best_${c}`]),
    ),
  };
}

function toFigures(row: FiguresRow): ShowFigures {
  const bestUnknown = row.best_changes === null;
  return {
    show: toShow(row),
    votes: Number(row.vote_count),
    voteSum: Number(row.vote_sum),
    episodeCount: Number(row.episode_count),
    ratedEpisodeCount: Number(row.rated_episode_count),
    lastVoteAt: row.last_vote_at,
    bestEpisodeId: row.best_episode_id,
    best: bestStandingOf(row),
    bestUnknown,
    bestStale: bestUnknown || Number(row.best_changes) !== Number(row.tally_changes),
  };
}
