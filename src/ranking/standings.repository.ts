/**
 * SQL for what rankings are computed from: each episode's tally with its catalogue details, and
 * the show's and seasons' totals.
 */
import type { Kysely } from 'kysely';
import { HISTOGRAM_COLUMNS, type Database } from '../db/schema.js';
import type { Tally } from './ranking.js';

/** An episode with the numbers the ranking needs, read in one query; never from the votes table. */
export interface EpisodeStanding extends Tally {
  id: number;
  showId: number;
  seasonId: number;
  seasonNumber: number;
  episodeNumber: number;
  title: string | null;
  airDate: string | null;
  synopsis: string | null;
  /** Votes cast on this site (the part of `count` with a known histogram). */
  votesHere: number;
  /** Sum of squared ratings of the votes cast here. */
  sumOfSquaresHere: number;
  /** How many votes cast here gave 1, 2, … 10 (index 0 holds the 1s). */
  histogram: number[];
  /** Votes imported from elsewhere, whose individual ratings are unknown. */
  baselineCount: number;
}

export interface SeasonTotals extends Tally {
  seasonId: number;
  seasonNumber: number;
  episodeCount: number;
  ratedEpisodeCount: number;
}

/** Which episodes to read: a whole show (for its rankings) or a list (a vote's episodes). */
export type StandingScope = { showId: number } | { episodeIds: readonly number[] };

export class StandingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async episodeStandings(scope: StandingScope): Promise<EpisodeStanding[]> {
    let query = this.baseQuery();
    if ('showId' in scope) query = query.where('s.show_id', '=', scope.showId);
    else if (scope.episodeIds.length === 0) return [];
    else query = query.where('e.id', 'in', scope.episodeIds);
    const rows = await query.orderBy('s.number').orderBy('e.number').execute();
    return rows.map(toStanding);
  }

  /** T and N for the fan score: the sum and count of every vote on the show's episodes. */
  async showTotals(showId: number): Promise<Tally> {
    const row = await this.db
      .selectFrom('episode_tallies as t')
      .innerJoin('episodes as e', 'e.id', 't.episode_id')
      .innerJoin('seasons as s', 's.id', 'e.season_id')
      .where('s.show_id', '=', showId)
      .select((eb) => [
        eb.fn.sum<number>(eb('t.vote_count', '+', eb.ref('t.baseline_count'))).as('count'),
        eb.fn.sum<number>(eb('t.vote_sum', '+', eb.ref('t.baseline_sum'))).as('sum'),
      ])
      .executeTakeFirst();
    return { count: Number(row?.count ?? 0), sum: Number(row?.sum ?? 0) };
  }

  /** Per season: how many episodes, how many rated, and the season's vote totals. */
  async seasonTotals(showId: number): Promise<SeasonTotals[]> {
    const rows = await this.db
      .selectFrom('seasons as s')
      .leftJoin('episodes as e', 'e.season_id', 's.id')
      .leftJoin('episode_tallies as t', 't.episode_id', 'e.id')
      .where('s.show_id', '=', showId)
      .groupBy(['s.id', 's.number'])
      .orderBy('s.number')
      .select((eb) => [
        's.id as season_id',
        's.number as season_number',
        eb.fn.count<number>('e.id').as('episode_count'),
        eb.fn
          .count<number>('t.episode_id')
          .filterWhere(eb('t.vote_count', '+', eb.ref('t.baseline_count')), '>', 0)
          .as('rated_count'),
        eb.fn.coalesce(eb.fn.sum<number>(eb('t.vote_count', '+', eb.ref('t.baseline_count'))), eb.lit(0)).as('count'),
        eb.fn.coalesce(eb.fn.sum<number>(eb('t.vote_sum', '+', eb.ref('t.baseline_sum'))), eb.lit(0)).as('sum'),
      ])
      .execute();
    return rows.map((r) => ({
      seasonId: r.season_id,
      seasonNumber: r.season_number,
      episodeCount: Number(r.episode_count),
      ratedEpisodeCount: Number(r.rated_count),
      count: Number(r.count),
      sum: Number(r.sum),
    }));
  }

  private baseQuery() {
    return this.db
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
      ]);
  }
}

type HistogramColumn = (typeof HISTOGRAM_COLUMNS)[number];

/** An episode's standing as read with a join: every tally column may be missing (no tally row). */
export type StandingRow = {
  id: number;
  show_id: number;
  season_id: number;
  season_number: number;
  number: number;
  title: string | null;
  air_date: string | null;
  synopsis: string | null;
  vote_count: number | null;
  vote_sum: number | null;
  vote_sum_sq: number | null;
  baseline_count: number | null;
  baseline_sum: number | null;
} & { [C in HistogramColumn]: number | null };

export function toStanding(row: StandingRow): EpisodeStanding {
  return {
    id: row.id,
    showId: row.show_id,
    seasonId: row.season_id,
    seasonNumber: row.season_number,
    episodeNumber: row.number,
    title: row.title,
    airDate: row.air_date,
    synopsis: row.synopsis,
    ...tallyOf(
      row.vote_count,
      row.vote_sum,
      row.vote_sum_sq,
      row.baseline_count,
      row.baseline_sum,
      HISTOGRAM_COLUMNS.map((c) => row[c]),
    ),
  };
}

/** The tally part of a standing; every column is null when the episode has no tally row. */
export function tallyOf(
  voteCount: number | null,
  voteSum: number | null,
  sumSq: number | null,
  baselineCount: number | null,
  baselineSum: number | null,
  histogram: Array<number | null>,
): Pick<EpisodeStanding, 'count' | 'sum' | 'votesHere' | 'sumOfSquaresHere' | 'histogram' | 'baselineCount'> {
  const votesHere = Number(voteCount ?? 0);
  const baseline = Number(baselineCount ?? 0);
  return {
    count: votesHere + baseline,
    sum: Number(voteSum ?? 0) + Number(baselineSum ?? 0),
    votesHere,
    sumOfSquaresHere: Number(sumSq ?? 0),
    histogram: histogram.map((n) => Number(n ?? 0)),
    baselineCount: baseline,
  };
}
