/**
 * Rankings as pages and the API show them: a season's or a show's episodes in the order asked
 * for, with their fan scores, places and paging, and the show list with each show's best episode.
 */
import type { BestEpisodeRefresher } from './best-episode-refresher.js';
import type { CatalogRepository } from '../catalog/catalog.repository.js';
import { type AlternateTitle, visitorsTitle } from '../catalog/alternate-titles.js';
import type { ShowCount } from '../catalog/show-count.js';
import type { ShowFigures, ShowFiguresRepository } from './show-figures.repository.js';
import { episodeTitle, type EpisodeDetails, type EpisodeLink, type Season, type Show } from '../catalog/catalog.types.js';
import { NotFoundError, says } from '../shared/errors.js';
import { arithmeticFor, episodeComparator, formatAverage, formatFanScore, hasFewVotes, rankEpisodes, rankOf, type Prior, type Tally } from './ranking.js';
import { DEFAULT_SORT, type SortOrder } from '../shared/sort-orders.js';
import type { ShowStandings, StandingsCache } from './standings-cache.js';
import { episodeScores } from './episode-scores.js';
import { offsetOf, pageCountOf } from '../shared/paging.js';
import type { EpisodeStanding, SeasonTotals } from './standings.repository.js';
import type { HorizonSeason } from '../shared/spoiler-horizon.js';

/** One episode as every page shows it: catalogue details, tally, and the derived numbers. */
export interface EpisodeEntry extends EpisodeStanding, EpisodeDetails {
  displayTitle: string;
  /** Its other titles (migration 0025), in their order, where the page read them (rankings, an episode's page). */
  titles?: AlternateTitle[];
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

/** Which slice of a ranking to show: page numbers from 1, rated episodes first, then unrated ones. */
export interface RankingPaging {
  page: number;
  perPage: number;
}

/** The slice a RankingView holds, and where it sits in the whole ranking. */
export interface RankingPageInfo extends RankingPaging {
  /** At least 1: a ranking with no episodes still has its (empty) first page. */
  pageCount: number;
  rankedTotal: number;
  unratedTotal: number;
}

export interface RankingView {
  sort: SortOrder;
  page: RankingPageInfo;
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
  ratedEpisodeCount: number;
  /** When a vote on the show was last cast or changed. */
  lastVoteAt: string | null;
  /** The best episode by fan score; may lag the latest vote by BEST_EPISODE_DELAY_MS. */
  best: RankedEntry | null;
}

/** The bounded front page: a few shows in each order, the most voted one opened up, and how many there are in all. */
export interface FrontPage {
  mostVoted: ShowSummary[];
  recentlyActive: ShowSummary[];
  /** The first of `mostVoted` with its seasons and its best episodes; null on an empty site. */
  featured: FeaturedShow | null;
  showCount: number;
}

/** A show as the front page opens it up: its seasons' totals and the first places of its ranking. */
export interface FeaturedShow {
  summary: ShowSummary;
  seasons: SeasonSummary[];
  /** The show's best episodes by fan score, at most the number asked for; empty without votes. */
  best: RankedEntry[];
}

export interface EpisodeView {
  show: Show;
  seasons: Season[];
  episode: EpisodeEntry;
  priorVotes: number;
  /** Position by fan score among the season's and the show's rated episodes, with their sizes. */
  seasonRank: { rank: number; of: number } | null;
  showRank: { rank: number; of: number } | null;
  /** The episodes before and after this one in the show, across seasons; null at either end. */
  neighbours: { previous: EpisodeLink | null; next: EpisodeLink | null };
}

export type RankingScope = 'season' | 'show';

/** One entry of a ranking as a vote's answer carries it: what a page updates in place. */
export interface RankingEntry {
  id: number;
  /** Position in the ranking this entry belongs to; null when the episode has no votes. */
  rank: number | null;
  votes: number;
  average: string | null;
  fanScore: string | null;
  fewVotes: boolean;
}

/** Which ranking a vote's answer carries: the page's list, and the ranks it shows (a page of a long one). */
export interface RankingRequest {
  scope: RankingScope;
  sort: SortOrder;
  window?: { first: number; count: number };
}

/** An episode's numbers right after a vote, with the ranking around it when asked for. */
export interface EpisodeSnapshot {
  /** `rank` is the episode's place in its season by fan score (`seasonRank.rank`). */
  episode: RankingEntry & {
    season: number;
    number: number;
    title: string;
    histogram: number[];
    votesHere: number;
    baselineVotes: number;
    seasonRank: { rank: number; of: number } | null;
    showRank: { rank: number; of: number } | null;
  };
  ranking?: { scope: RankingScope; sort: SortOrder; episodes: RankingEntry[] };
}

/** Builds the rankings that pages and the API show, from the stored aggregates only. */
export class RankingsService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly priorVotes: number,
    /** Stored per-show and per-season figures, so that no list ranks whole shows per request. */
    private readonly figures: { repository: ShowFiguresRepository; bestEpisodes: BestEpisodeRefresher; showCount: ShowCount },
    /** Each show's standings, read once per change and shared by every request that ranks it. */
    private readonly showStandings: StandingsCache,
  ) {}

  /**
   * The front page: `perList` shows in each order, read from the stored figures, and the most voted
   * show's first `featuredPlaces` episodes. Those come from the show's standings (the ones its own
   * pages rank, dropped by every vote on it), so they follow a vote at once; the cost is one show's,
   * whatever the size of the catalogue.
   */
  async home(perList: number, featuredPlaces: number): Promise<FrontPage> {
    const { repository } = this.figures;
    const [mostVoted, recentlyActive, showCount] = await Promise.all([
      repository.mostVoted(perList),
      repository.recentlyActive(perList),
      this.figures.showCount.get(),
    ]);
    const summaries = await this.summaries([...mostVoted, ...recentlyActive]);
    const first = summaries[0];
    return {
      mostVoted: summaries.slice(0, mostVoted.length),
      recentlyActive: summaries.slice(mostVoted.length),
      featured: mostVoted.length > 0 && first ? { summary: first, ...(await this.opened(first.show, featuredPlaces)) } : null,
      showCount,
    };
  }

  /** A show's seasons with their totals and its first `places` episodes by fan score. */
  private async opened(show: Show, places: number): Promise<{ seasons: SeasonSummary[]; best: RankedEntry[] }> {
    const [seasonList, standings] = await Promise.all([this.catalog.listSeasons(show.id), this.showStandings.get(show.id)]);
    const { ranked } = await this.ranking(standings.episodes, standings.totals, DEFAULT_SORT, { page: 1, perPage: places });
    return { seasons: toSeasonSummaries(show.id, seasonTotalsOf(seasonList, standings)), best: ranked };
  }

  /** A page of shows in title order, each with its vote total and best episode, from the stored figures. */
  async searchShows(query: { text?: string; page: number; perPage: number }): Promise<{ items: ShowSummary[]; total: number }> {
    const { repository, showCount } = this.figures;
    const [items, total] = await Promise.all([
      repository.page({ query: query.text, limit: query.perPage, offset: offsetOf(query.page, query.perPage) }),
      // Unfiltered, the total is the catalogue's show count, kept rather than counted per request.
      query.text ? repository.countMatching(query.text) : showCount.get(),
    ]);
    return { items: await this.summaries(items), total };
  }

  /** A show and its seasons with their stored totals, without ranking its episodes. */
  async overview(showSlug: string): Promise<{ show: Show; seasons: SeasonSummary[] }> {
    const show = await this.requireShow(showSlug, { withTitles: true });
    const seasons = await this.figures.repository.seasons(show.id);
    return {
      show,
      seasons: toSeasonSummaries(show.id, seasons),
    };
  }

  /**
   * Shows with their best episodes, in a fixed number of queries whatever the page size. A best
   * episode never computed is computed now (once per show, shared); one computed before a later
   * change is shown as it is while the refresher catches up.
   */
  private async summaries(shows: ShowFigures[]): Promise<ShowSummary[]> {
    const { bestEpisodes } = this.figures;
    const bestIds = new Map<number, number | null>();
    await Promise.all(
      shows.map(async (s) => {
        if (s.bestUnknown) bestIds.set(s.show.id, await bestEpisodes.refresh(s.show.id));
        else {
          if (s.bestStale) bestEpisodes.notify(s.show.id);
          bestIds.set(s.show.id, s.bestEpisodeId);
        }
      }),
    );
    const ids = [...new Set([...bestIds.values()].filter((id): id is number => id !== null))];
    // The stored best came with the figures; only one just computed here is read separately.
    const computedNow = shows
      .filter((s) => s.bestUnknown)
      .map((s) => bestIds.get(s.show.id))
      .filter((id): id is number => typeof id === 'number');
    const [computed, details] = await Promise.all([this.figures.repository.standingsOf(computedNow), this.catalog.detailsFor(ids)]);
    return shows.map((s) => {
      const id = bestIds.get(s.show.id) ?? null;
      // Missing when deleted since it was read: the deletion asks for a new best, shown next time.
      const standing = id === null ? undefined : s.bestUnknown ? computed.get(id) : (s.best ?? undefined);
      const prior = this.prior({ count: s.votes, sum: s.voteSum });
      return {
        show: s.show,
        votes: s.votes,
        episodeCount: s.episodeCount,
        ratedEpisodeCount: s.ratedEpisodeCount,
        lastVoteAt: s.lastVoteAt,
        best:
          standing && standing.count > 0
            ? {
                ...standing,
                ...details.get(standing.id)!,
                rank: 1,
                displayTitle: episodeTitle({ title: standing.title, number: standing.episodeNumber }),
                ...shownNumbers(standing, prior),
              }
            : null,
      };
    });
  }

  async season(showSlug: string, seasonNumber: number, sort: SortOrder, paging?: RankingPaging) {
    const show = await this.requireShow(showSlug, { withTitles: true });
    const season = await this.catalog.findSeason(show.id, seasonNumber);
    if (!season) throw new NotFoundError(says('errors.noSeason', { show: show.title, season: String(seasonNumber) }));
    const [seasons, standings] = await Promise.all([this.catalog.listSeasons(show.id), this.showStandings.get(show.id)]);
    const episodes = standings.bySeason.get(season.id) ?? [];
    // The season's own average and vote count, as its page and its JSON-LD show them.
    const [totals] = seasonTotalsOf([season], standings);
    return {
      show,
      season,
      seasons,
      totals: { votes: totals!.count, average: formatAverage(totals!) },
      /** Every season's number of episodes, for the spoiler-horizon picker. */
      horizonSeasons: horizonSeasonsOf(seasons, standings),
      ranking: await this.ranking(episodes, standings.totals, sort, paging),
      /** Every episode of the season in air order, for its trend chart. */
      scores: episodeScores(episodes, this.prior(standings.totals)),
    };
  }

  async show(showSlug: string, sort: SortOrder, paging?: RankingPaging) {
    const show = await this.requireShow(showSlug, { withTitles: true });
    const [seasonList, standings] = await Promise.all([this.catalog.listSeasons(show.id), this.showStandings.get(show.id)]);
    const seasons = toSeasonSummaries(show.id, seasonTotalsOf(seasonList, standings));
    return {
      show,
      seasons,
      ranking: await this.ranking(standings.episodes, standings.totals, sort, paging),
      /** Every episode of the show in air order, for its heatmap and trend chart. */
      scores: episodeScores(standings.episodes, this.prior(standings.totals)),
    };
  }

  /** A show and its seasons' numbers of episodes: what a spoiler horizon may name. */
  async horizonSeasons(showSlug: string): Promise<{ show: Show; seasons: HorizonSeason[] }> {
    const show = await this.requireShow(showSlug);
    const [seasons, standings] = await Promise.all([this.catalog.listSeasons(show.id), this.showStandings.get(show.id)]);
    return { show, seasons: horizonSeasonsOf(seasons, standings) };
  }

  async episode(showSlug: string, seasonNumber: number, episodeNumber: number): Promise<EpisodeView> {
    const show = await this.requireShow(showSlug, { withTitles: true });
    const [seasons, standings] = await Promise.all([this.catalog.listSeasons(show.id), this.showStandings.get(show.id)]);
    const seasonId = seasons.find((s) => s.number === seasonNumber)?.id;
    const standing = (seasonId === undefined ? undefined : standings.bySeason.get(seasonId))?.find((e) => e.episodeNumber === episodeNumber);
    if (!standing) {
      const values = { show: show.title, season: String(seasonNumber), episode: String(episodeNumber) };
      throw new NotFoundError(seasons.some((s) => s.number === seasonNumber) ? says('errors.noEpisodeInSeason', values) : says('errors.noSeason', values));
    }
    const [entries, neighbours] = await Promise.all([
      this.entries([standing], standings.totals),
      this.catalog.episodeNeighbours(show.id, seasonNumber, episodeNumber),
    ]);
    return {
      show,
      seasons,
      episode: entries[0]!,
      neighbours,
      priorVotes: this.priorVotes,
      ...this.positions(standing, standings),
    };
  }

  /**
   * One episode's numbers and ranks, from the shared standings (which a committed vote has already
   * marked for re-reading), and, when asked, the part of its season's (or show's) ranking a page
   * shows: the entries ranked `window.first` to `first + count - 1`. The cost is the sort of the
   * asked scope plus one pass over the show for the show rank; the answer's size is the window's.
   */
  async snapshot(episodeId: number, showId: number, ranking: RankingRequest | null): Promise<EpisodeSnapshot> {
    const standings = await this.showStandings.get(showId);
    const standing = standings.byId.get(episodeId);
    if (!standing) throw new NotFoundError(says('errors.episodeGone'));
    const prior = this.prior(standings.totals);
    const entry = (e: EpisodeStanding, rank: number | null): RankingEntry => ({
      id: e.id,
      rank,
      votes: e.count,
      ...shownNumbers(e, prior),
    });
    const positions = this.positions(standing, standings);
    const snapshot: EpisodeSnapshot = {
      episode: {
        ...entry(standing, positions.seasonRank?.rank ?? null),
        season: standing.seasonNumber,
        number: standing.episodeNumber,
        title: episodeTitle({ title: standing.title, number: standing.episodeNumber }),
        histogram: standing.histogram,
        votesHere: standing.votesHere,
        baselineVotes: standing.baselineCount,
        ...positions,
      },
    };
    if (!ranking) return snapshot;
    const { scope, sort, window } = ranking;
    // The order of rankEpisodes without its ranked copies of every episode: a vote's answer is on
    // the hot path, and those copies were a fifth of what it allocated.
    const list = scope === 'season' ? standings.bySeason.get(standing.seasonId)! : standings.episodes;
    const rated = list.filter((e) => e.count > 0).sort(episodeComparator(sort, prior, arithmeticFor(list, prior)));
    const from = window ? window.first - 1 : 0;
    const shown = window ? rated.slice(from, from + window.count) : rated;
    return { ...snapshot, ranking: { scope, sort, episodes: shown.map((e, i) => entry(e, from + i + 1)) } };
  }

  /** The show, with its other titles when its page prints them (one more read; the vote path does without). */
  private async requireShow(slug: string, options: { withTitles?: boolean } = {}): Promise<Show> {
    const show = await this.catalog.findShowBySlug(slug);
    if (!show) throw new NotFoundError(says('errors.noShow', { slug }));
    return options.withTitles ? this.catalog.withTitles(show) : show;
  }

  private prior(showTotals: Tally): Prior {
    return { showSum: showTotals.sum, showCount: showTotals.count, priorVotes: this.priorVotes };
  }

  /** An episode's place by fan score in its season and its show, each in one pass without sorting. */
  private positions(standing: EpisodeStanding, standings: ShowStandings) {
    const prior = this.prior(standings.totals);
    const season = standings.bySeason.get(standing.seasonId) ?? [];
    const place = (episodes: readonly EpisodeStanding[], of: number) => {
      const rank = rankOf(standing, episodes, prior, DEFAULT_SORT);
      return rank === null ? null : { rank, of };
    };
    return {
      seasonRank: place(
        season,
        season.reduce((n, e) => n + (e.count > 0 ? 1 : 0), 0),
      ),
      showRank: place(standings.episodes, standings.ratedCount),
    };
  }

  /** The ranking, or one page of it (details are read for that page's episodes only). */
  private async ranking(episodes: readonly EpisodeStanding[], showTotals: Tally, sort: SortOrder, paging?: RankingPaging): Promise<RankingView> {
    const { ranked, unrated } = rankEpisodes(episodes, sort, this.prior(showTotals));
    const page = pageOf(ranked.length, unrated.length, paging);
    const start = offsetOf(page.page, page.perPage);
    const end = start + page.perPage;
    const [rankedEntries, unratedEntries] = await Promise.all([
      this.entries(ranked.slice(start, end), showTotals),
      this.entries(unrated.slice(Math.max(0, start - ranked.length), Math.max(0, end - ranked.length)), showTotals),
    ]);
    return {
      sort,
      page,
      priorVotes: this.priorVotes,
      showMean: formatAverage(showTotals),
      ranked: rankedEntries,
      unrated: unratedEntries,
    };
  }

  /** Adds details (directors, watch links) and the formatted numbers, keeping each input's fields. */
  private async entries<T extends EpisodeStanding>(episodes: T[], showTotals: Tally): Promise<Array<T & EpisodeEntry>> {
    const ids = episodes.map((e) => e.id);
    const [details, titles] = await Promise.all([this.catalog.detailsFor(ids), this.catalog.episodeTitles(ids)]);
    const prior = this.prior(showTotals);
    return episodes.map((e) => {
      return {
        ...e,
        ...details.get(e.id)!,
        titles: titles.get(e.id)!,
        // The title the visitor reads first (their title preference), else "Episode N".
        displayTitle: episodeTitle({ title: visitorsTitle(e.title, titles.get(e.id)!)?.title ?? null, number: e.episodeNumber }),
        ...shownNumbers(e, prior),
      };
    });
  }
}

/**
 * An episode's numbers as every page and answer shows them: its average, its fan score, and
 * whether it has too few votes for the score to say much (never for an episode without votes).
 */
function shownNumbers(e: Tally, prior: Prior) {
  return { average: formatAverage(e), fanScore: formatFanScore(e, prior), fewVotes: e.count > 0 && hasFewVotes(e, prior) };
}

/** Season totals as the show pages list them. */
function toSeasonSummaries(showId: number, totals: readonly SeasonTotals[]): SeasonSummary[] {
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

/** Where a page sits in a ranking; a page past the last one is not found. */
function pageOf(rankedTotal: number, unratedTotal: number, paging: RankingPaging | undefined): RankingPageInfo {
  const total = rankedTotal + unratedTotal;
  const perPage = paging?.perPage ?? Math.max(1, total);
  const page = paging?.page ?? 1;
  const pageCount = pageCountOf(total, perPage);
  if (page > pageCount) throw new NotFoundError(says('errors.noRankingPage', { pageCount, page: String(page) }));
  return { page, perPage, pageCount, rankedTotal, unratedTotal };
}

/** Each season's totals from the show's standings; seasons without episodes count zeros. */
function seasonTotalsOf(seasons: readonly Season[], standings: ShowStandings): SeasonTotals[] {
  return seasons.map((season) => {
    const episodes = standings.bySeason.get(season.id) ?? [];
    let count = 0;
    let sum = 0;
    let ratedEpisodeCount = 0;
    for (const e of episodes) {
      count += e.count;
      sum += e.sum;
      if (e.count > 0) ratedEpisodeCount++;
    }
    return { seasonId: season.id, seasonNumber: season.number, episodeCount: episodes.length, ratedEpisodeCount, count, sum };
  });
}

/** Each season's number and number of episodes, as the spoiler-horizon picker offers them. */
function horizonSeasonsOf(seasons: readonly Season[], standings: ShowStandings): HorizonSeason[] {
  return seasons.map((season) => ({ number: season.number, episodeCount: standings.bySeason.get(season.id)?.length ?? 0 }));
}

export type SeasonPageData = Awaited<ReturnType<RankingsService['season']>>;
export type ShowPageData = Awaited<ReturnType<RankingsService['show']>>;
