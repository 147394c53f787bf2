/**
 * The site-wide lists as `/top` and `/api/v1/top` show them: one indexed page of `top_episodes`,
 * with each score formatted exactly from the numbers it was ordered by.
 */
import { NotFoundError, says } from '../shared/errors.js';
import { formatAverage, formatFanScore } from './ranking.js';
import type { TopEpisodesRepository, TopFilters, TopRow } from './top-episodes.repository.js';
import { DEFAULT_TOP_LIST, TOP_MAX_PAGE, TOP_PER_PAGE, type TopList } from './top-episodes.js';
import { offsetOf } from '../shared/paging.js';

export interface TopEntry {
  rank: number;
  show: { slug: string; title: string; network: string | null };
  seasonNumber: number;
  episodeNumber: number;
  title: string | null;
  airDate: string | null;
  votes: number;
  /** Two decimals, as every ranking shows them. */
  average: string;
  fanScore: string;
  /** The divisive measure (0.25–0.5) on the divisive list; null elsewhere and when not two-peaked. */
  divisiveness: number | null;
}

export interface TopPage {
  list: TopList;
  filters: TopFilters;
  page: number;
  entries: TopEntry[];
  hasNext: boolean;
  /** TOP_MIN_VOTES: the fewest votes an episode needs to be listed. */
  minVotes: number;
  /** When every entry was last known current (ISO-8601); null while the first refresh runs. */
  refreshedAt: string | null;
}

export class TopEpisodesService {
  constructor(
    private readonly repository: TopEpisodesRepository,
    private readonly settings: { priorVotes: number; minVotes: number },
  ) {}

  /** One page of a list; a page past the last holding entries is not found (page 1 always exists). */
  async list(list: TopList, filters: TopFilters, page: number): Promise<TopPage> {
    if (page > TOP_MAX_PAGE) throw new NotFoundError(says('errors.topListsEnd', { last: String(TOP_MAX_PAGE) }));
    const offset = offsetOf(page, TOP_PER_PAGE);
    // One row more than a page says whether a next page exists, without counting the list.
    const [rows, refreshedAt] = await Promise.all([this.repository.page(list, filters, offset, TOP_PER_PAGE + 1), this.repository.refreshedAt()]);
    if (rows.length === 0 && page > 1) throw new NotFoundError(says('errors.noListPage', { page: String(page) }));
    return {
      list,
      filters,
      page,
      entries: rows.slice(0, TOP_PER_PAGE).map((r, i) => this.entry(list, r, offset + i + 1)),
      hasNext: rows.length > TOP_PER_PAGE && page < TOP_MAX_PAGE,
      minVotes: this.settings.minVotes,
      refreshedAt,
    };
  }

  /**
   * The first `count` episodes of the default list over every show, for the front page: one
   * indexed read of `count` rows. Like `/top` they follow a vote once the refresher has run
   * (TOP_DELAY_MS).
   */
  async leaders(count: number): Promise<TopEntry[]> {
    const rows = await this.repository.page(DEFAULT_TOP_LIST, {}, 0, count);
    return rows.map((r, i) => this.entry(DEFAULT_TOP_LIST, r, i + 1));
  }

  /** A stored row as lists show it, each score formatted exactly from the numbers it was ordered by. */
  private entry(list: TopList, r: TopRow, rank: number): TopEntry {
    const tally = { count: r.count, sum: r.sum };
    const prior = { showCount: r.showCount, showSum: r.showSum, priorVotes: this.settings.priorVotes };
    return {
      rank,
      show: { slug: r.showSlug, title: r.showTitle, network: r.network },
      seasonNumber: r.seasonNumber,
      episodeNumber: r.episodeNumber,
      title: r.episodeTitle,
      airDate: r.airDate,
      votes: r.count,
      average: formatAverage(tally)!,
      fanScore: formatFanScore(tally, prior)!,
      divisiveness: list === 'divisive' ? r.divisiveness : null,
    };
  }
}
