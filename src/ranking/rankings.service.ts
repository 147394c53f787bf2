import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { episodeTitle, type EpisodeDetails, type Season, type Show } from '../catalog/catalog.types.js';
import { NotFoundError } from '../errors.js';
import {
  DEFAULT_SORT,
  fanScore,
  formatAverage,
  formatTwoDecimals,
  hasFewVotes,
  rankEpisodes,
  totalOf,
  type Prior,
  type SortOrder,
  type Tally,
} from './ranking.js';
import type { EpisodeStanding, SeasonTotals, StandingsRepository } from './standings.repository.js';

/** One episode as every page shows it: catalogue details, tally, and the derived numbers. */
export interface EpisodeEntry extends EpisodeStanding, EpisodeDetails {
  displayTitle: string;
  /** S / n with two decimals, null without votes. */
  average: string | null;
  /** The fan score with two decimals, null without votes. */
  fanScore: string | null;
  /** Fewer votes than RANK_PRIOR_VOTES: the show's mean still dominates the fan score. */
  fewVotes: boolean;
}

export interface RankedEntry extends EpisodeEntry {
  rank: number;
}

export interface RankingView {
  sort: SortOrder;
  priorVotes: number;
  /** The show's mean C = T / N with two decimals, null when the show has no votes yet. */
  showMean: string | null;
  ranked: RankedEntry[];
  unrated: EpisodeEntry[];
}

export interface SeasonSummary extends Season {
  episodeCount: number;
  ratedEpisodeCount: number;
  votes: number;
  average: string | null;
}

export interface ShowSummary {
  show: Show;
  votes: number;
  episodeCount: number;
  best: RankedEntry | null;
}

export interface EpisodeView {
  show: Show;
  seasons: Season[];
  episode: EpisodeEntry;
  priorVotes: number;
  /** Position by fan score among the season's and the show's rated episodes, with their sizes. */
  seasonRank: { rank: number; of: number } | null;
  showRank: { rank: number; of: number } | null;
}

export type RankingScope = 'season' | 'show';

/** The numbers of one ranked (or unrated) episode, as the JSON answers carry them. */
export interface StandingSummary {
  id: number;
  season: number;
  number: number;
  title: string;
  /** Position in the ranking this summary belongs to; null when the episode has no votes. */
  rank: number | null;
  votes: number;
  average: string | null;
  fanScore: string | null;
  fewVotes: boolean;
}

/** An episode's numbers right after a vote, with the ranking around it. */
export interface EpisodeSnapshot {
  episode: StandingSummary & {
    histogram: number[];
    votesHere: number;
    baselineVotes: number;
    seasonRank: { rank: number; of: number } | null;
    showRank: { rank: number; of: number } | null;
  };
  ranking: { scope: RankingScope; sort: SortOrder; episodes: StandingSummary[] };
}

/** Builds the rankings that pages and the API show, from the stored aggregates only. */
export class RankingsService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly standings: StandingsRepository,
    private readonly priorVotes: number,
  ) {}

  async home(): Promise<ShowSummary[]> {
    return this.summaries(await this.catalog.listShows());
  }

  /** A page of shows, each with its vote total and best episode, for the API's show list. */
  async searchShows(query: { text?: string; page: number; perPage: number }): Promise<{ items: ShowSummary[]; total: number }> {
    const { shows, total } = await this.catalog.searchShows({
      query: query.text,
      limit: query.perPage,
      offset: (query.page - 1) * query.perPage,
    });
    return { items: await this.summaries(shows), total };
  }

  /** A show and its seasons with their totals, without ranking its episodes. */
  async overview(showSlug: string): Promise<{ show: Show; seasons: SeasonSummary[] }> {
    const show = await this.requireShow(showSlug);
    return { show, seasons: toSeasonSummaries(show.id, await this.standings.seasonTotals(show.id)) };
  }

  private async summaries(shows: Show[]): Promise<ShowSummary[]> {
    const all = await this.standings.episodeStandings({ showIds: shows.map((s) => s.id) });
    const byShow = new Map<number, EpisodeStanding[]>();
    for (const e of all) {
      const list = byShow.get(e.showId);
      if (list) list.push(e);
      else byShow.set(e.showId, [e]);
    }
    const summaries: ShowSummary[] = [];
    for (const show of shows) {
      const episodes = byShow.get(show.id) ?? [];
      const totals = totalOf(episodes);
      const { ranked } = rankEpisodes(episodes, DEFAULT_SORT, this.prior(totals));
      const best = ranked[0];
      summaries.push({
        show,
        votes: totals.count,
        episodeCount: episodes.length,
        best: best ? (await this.entries([best], totals))[0]! : null,
      });
    }
    return summaries;
  }

  async season(showSlug: string, seasonNumber: number, sort: SortOrder) {
    const show = await this.requireShow(showSlug);
    const season = await this.catalog.findSeason(show.id, seasonNumber);
    if (!season) throw new NotFoundError(`${show.title} has no season ${seasonNumber}.`);
    const [seasons, episodes, totals] = await Promise.all([
      this.catalog.listSeasons(show.id),
      this.standings.episodeStandings({ seasonId: season.id }),
      this.standings.showTotals(show.id),
    ]);
    return { show, season, seasons, ranking: await this.ranking(episodes, totals, sort) };
  }

  async show(showSlug: string, sort: SortOrder) {
    const show = await this.requireShow(showSlug);
    const [seasonTotals, episodes] = await Promise.all([
      this.standings.seasonTotals(show.id),
      this.standings.episodeStandings({ showId: show.id }),
    ]);
    const seasons = toSeasonSummaries(show.id, seasonTotals);
    return { show, seasons, ranking: await this.ranking(episodes, totalOf(episodes), sort) };
  }

  async episode(showSlug: string, seasonNumber: number, episodeNumber: number): Promise<EpisodeView> {
    const show = await this.requireShow(showSlug);
    const [seasons, showEpisodes] = await Promise.all([
      this.catalog.listSeasons(show.id),
      this.standings.episodeStandings({ showId: show.id }),
    ]);
    const standing = showEpisodes.find((e) => e.seasonNumber === seasonNumber && e.episodeNumber === episodeNumber);
    if (!standing) {
      const where = seasons.some((s) => s.number === seasonNumber) ? `season ${seasonNumber}` : null;
      throw new NotFoundError(
        where
          ? `${show.title} ${where} has no episode ${episodeNumber}.`
          : `${show.title} has no season ${seasonNumber}.`,
      );
    }
    const totals = totalOf(showEpisodes);
    const prior = this.prior(totals);
    const position = (episodes: EpisodeStanding[]) => positionOf(standing.id, episodes, prior);
    return {
      show,
      seasons,
      episode: (await this.entries([standing], totals))[0]!,
      priorVotes: this.priorVotes,
      seasonRank: position(showEpisodes.filter((e) => e.seasonId === standing.seasonId)),
      showRank: position(showEpisodes),
    };
  }

  /**
   * One episode's numbers and ranks plus the whole ranking of its season (or show) in the given
   * order, from a single read of the show's standings.
   */
  async snapshot(episodeId: number, showId: number, sort: SortOrder, scope: RankingScope): Promise<EpisodeSnapshot> {
    const showEpisodes = await this.standings.episodeStandings({ showId });
    const standing = showEpisodes.find((e) => e.id === episodeId);
    if (!standing) throw new NotFoundError('That episode no longer exists.');
    const totals = totalOf(showEpisodes);
    const prior = this.prior(totals);
    const seasonEpisodes = showEpisodes.filter((e) => e.seasonId === standing.seasonId);
    const summarise = (e: EpisodeStanding, rank: number | null): StandingSummary => {
      const score = fanScore(e, prior);
      return {
        id: e.id,
        season: e.seasonNumber,
        number: e.episodeNumber,
        title: episodeTitle({ title: e.title, number: e.episodeNumber }),
        rank,
        votes: e.count,
        average: formatAverage(e),
        fanScore: score && formatTwoDecimals(score),
        fewVotes: e.count > 0 && hasFewVotes(e, prior),
      };
    };
    const position = (episodes: EpisodeStanding[]) => positionOf(episodeId, episodes, prior);
    const ordered = rankEpisodes(scope === 'season' ? seasonEpisodes : showEpisodes, sort, prior).ranked;
    const inOrder = ordered.find((e) => e.id === episodeId);
    return {
      episode: {
        ...summarise(standing, inOrder?.rank ?? null),
        histogram: standing.histogram,
        votesHere: standing.votesHere,
        baselineVotes: standing.baselineCount,
        seasonRank: position(seasonEpisodes),
        showRank: position(showEpisodes),
      },
      ranking: { scope, sort, episodes: ordered.map((e) => summarise(e, e.rank)) },
    };
  }

  private async requireShow(slug: string): Promise<Show> {
    const show = await this.catalog.findShowBySlug(slug);
    if (!show) throw new NotFoundError(`There is no show called “${slug}”.`);
    return show;
  }

  private prior(showTotals: Tally): Prior {
    return { showSum: showTotals.sum, showCount: showTotals.count, priorVotes: this.priorVotes };
  }

  private async ranking(episodes: EpisodeStanding[], showTotals: Tally, sort: SortOrder): Promise<RankingView> {
    const { ranked, unrated } = rankEpisodes(episodes, sort, this.prior(showTotals));
    const [rankedEntries, unratedEntries] = await Promise.all([
      this.entries(ranked, showTotals),
      this.entries(unrated, showTotals),
    ]);
    return {
      sort,
      priorVotes: this.priorVotes,
      showMean: formatAverage(showTotals),
      ranked: rankedEntries,
      unrated: unratedEntries,
    };
  }

  /** Adds details (directors, watch links) and the formatted numbers, keeping each input's fields. */
  private async entries<T extends EpisodeStanding>(episodes: T[], showTotals: Tally): Promise<Array<T & EpisodeEntry>> {
    const details = await this.catalog.detailsFor(episodes.map((e) => e.id));
    const prior = this.prior(showTotals);
    return episodes.map((e) => {
      const score = fanScore(e, prior);
      return {
        ...e,
        ...details.get(e.id)!,
        displayTitle: episodeTitle({ title: e.title, number: e.episodeNumber }),
        average: formatAverage(e),
        fanScore: score && formatTwoDecimals(score),
        fewVotes: e.count > 0 && hasFewVotes(e, prior),
      };
    });
  }
}

function toSeasonSummaries(showId: number, totals: SeasonTotals[]): SeasonSummary[] {
  return totals.map((s) => ({
    id: s.seasonId,
    showId,
    number: s.seasonNumber,
    episodeCount: s.episodeCount,
    ratedEpisodeCount: s.ratedEpisodeCount,
    votes: s.count,
    average: formatAverage(s),
  }));
}

/** An episode's place by fan score among the rated ones of a list, or null when it is unrated. */
function positionOf(episodeId: number, episodes: EpisodeStanding[], prior: Prior): { rank: number; of: number } | null {
  const { ranked } = rankEpisodes(episodes, DEFAULT_SORT, prior);
  const found = ranked.find((e) => e.id === episodeId);
  return found ? { rank: found.rank, of: ranked.length } : null;
}

export type SeasonPageData = Awaited<ReturnType<RankingsService['season']>>;
export type ShowPageData = Awaited<ReturnType<RankingsService['show']>>;
