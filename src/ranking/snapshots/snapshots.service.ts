/**
 * Rank history (issue 14): taking a day's snapshot of every show's ranking, and reading them back
 * as a ranking of a past day (`?as_of=`), as movement since a week ago, as one episode's rank over
 * time, and as the changes a show's feed lists.
 *
 * Every read is about one show and bounded by the retention window: one row for a day's ranking,
 * at most one row per day of one show for a history.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CatalogRepository } from '../../catalog/catalog.repository.js';
import type { Show } from '../../catalog/catalog.types.js';
import { BadRequestError, NotFoundError, says } from '../../shared/errors.js';
import type { SortOrder } from '../../shared/sort-orders.js';
import { rankEpisodes } from '../ranking.js';
import type { RankingPaging, RankingsService } from '../rankings.service.js';
import { showStandings, type ShowStandings, type StandingsCache } from '../standings-cache.js';
import type { EpisodeStanding, StandingsRepository } from '../standings.repository.js';
import { addDays, parseDay, utcDay } from './snapshot-day.js';
import { decodeSnapshot, encodeSnapshot, sameSnapshot, type SnapshotRanking } from './snapshot-encoding.js';
import type { SnapshotsRepository } from './snapshots.repository.js';

/** Shows snapshotted per turn of the event loop: each is one read, one sort and at most one write. */
const SHOWS_PER_TURN = 4;
/** Movement is measured against the latest snapshot at least this old (a week, as weekly charts do). */
export const MOVEMENT_BASELINE_DAYS = 7;
/** A claim on a day not finished within this long was left by a process that died; another may take over. */
const ABANDONED_CLAIM_MS = 60 * 60 * 1000;
/** How far back histories and feeds read when snapshots are kept for ever (SNAPSHOT_RETENTION_DAYS=0). */
const UNLIMITED_HISTORY_DAYS = 366;
/**
 * Days an episode page's rank over time covers (within the retention window): each day may read
 * one row of the show, so this bounds what a page build reads and decodes.
 */
export const RANK_HISTORY_DAYS = 90;
/** The changes a show's feed lists: its latest days that changed. */
export const FEED_DAYS = 30;

export interface SnapshotSettings {
  priorVotes: number;
  /** Days of snapshots kept; 0 keeps every one. */
  retentionDays: number;
}

/** What a day's snapshot did; null from `take` when the day was already taken (here or elsewhere). */
export interface TakenSnapshot {
  day: string;
  shows: number;
  /** Shows whose ranking changed since their previous snapshot: the only ones given a new row. */
  written: number;
}

/** An episode's move since the baseline day: `places` up (positive) or down (negative), or new to the ranking. */
export type Movement = { kind: 'moved'; places: number; since: string } | { kind: 'new'; since: string };

/** One point of an episode's rank over time; rank null while it had no votes. */
export interface RankPoint {
  day: string;
  rank: number | null;
}

/** One day a show's ranking changed, as its feed tells it. */
export interface RankingChange {
  day: string;
  /** Episodes that moved in the show's ranking, biggest moves first. */
  moves: Array<{ episode: EpisodeStanding; from: number; to: number }>;
  /** Episodes with their first votes that day, in rank order. */
  newlyRated: Array<{ episode: EpisodeStanding; rank: number }>;
}

/** Builds a rankings service that reads the given standings with the given m (a past day's). */
export type RankingsFactory = (priorVotes: number, standings: (showId: number) => Promise<ShowStandings>) => RankingsService;

export class SnapshotsService {
  constructor(
    private readonly repository: SnapshotsRepository,
    private readonly sources: { standings: StandingsRepository; live: StandingsCache; catalog: CatalogRepository; rankingsFor: RankingsFactory },
    private readonly settings: SnapshotSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Today, in UTC: the day a snapshot taken now records. */
  today(): string {
    return utcDay(this.clock());
  }

  /**
   * Records every show's ranking for `day` (today by default), a few shows per turn of the event
   * loop, then drops what the retention window no longer keeps. Null when the day was claimed
   * already; refused for a day before the latest one taken, which would rewrite what later days read.
   */
  async take(day: string = this.today(), shouldStop: () => boolean = () => false): Promise<TakenSnapshot | null> {
    const latest = await this.repository.latestClaimedDay();
    if (latest !== null && day < latest) throw new BadRequestError(`Snapshots are taken in order: ${day} is before ${latest}, which is already taken.`);
    const now = this.clock();
    const claimed = await this.repository.claimDay(day, now.toISOString(), new Date(now.getTime() - ABANDONED_CLAIM_MS).toISOString());
    if (!claimed) return null;
    const cutoff = this.settings.retentionDays > 0 ? addDays(day, -this.settings.retentionDays) : null;
    let shows = 0;
    let written = 0;
    let after = 0;
    for (;;) {
      if (shouldStop()) return null;
      const batch = await this.repository.showsWithVotes(after, SHOWS_PER_TURN);
      if (batch.length === 0) break;
      const changed = await Promise.all(batch.map((showId) => this.snapshotShow(showId, day, cutoff)));
      shows += batch.length;
      written += changed.filter(Boolean).length;
      after = batch[batch.length - 1]!;
      await nextTurn();
    }
    if (cutoff !== null) await this.repository.pruneDays(cutoff);
    await this.repository.finishDay(day, this.clock().toISOString());
    return { day, shows, written };
  }

  /** Whether the day's snapshot is finished. */
  finished(day: string): Promise<boolean> {
    return this.repository.dayFinished(day);
  }

  /** Writes the show's ranking for the day unless it equals its previous row; true when written. */
  private async snapshotShow(showId: number, day: string, cutoff: string | null): Promise<boolean> {
    const [episodes, previous] = await Promise.all([
      this.sources.standings.episodeStandings({ showId }),
      this.repository.latestOnOrBefore(showId, addDays(day, -1)),
    ]);
    const ranking = encodeSnapshot(rankingOf(episodes, this.settings.priorVotes));
    const changed = previous === null || !sameSnapshot(previous.ranking, ranking);
    if (changed) await this.repository.write(showId, day, ranking);
    if (cutoff !== null) await this.repository.pruneShow(showId, cutoff);
    return changed;
  }

  /**
   * The snapshot day that answers `?as_of=day`: the latest taken on or before it. A day in the
   * future, or before the first snapshot kept, has no ranking to show.
   */
  async dayFor(asOf: string): Promise<{ day: string; exact: boolean }> {
    if (parseDay(asOf) === null) throw new BadRequestError(says('errors.asOfFormat', { asOf }));
    if (asOf > this.today()) throw new BadRequestError(says('errors.asOfFuture', { asOf }));
    const day = await this.repository.finishedDayOnOrBefore(asOf);
    if (day === null) throw new NotFoundError(says('errors.noSnapshot', { asOf }));
    return { day, exact: day === asOf };
  }

  /** A show's ranking page as it stood on a past day. */
  async show(showSlug: string, asOf: string, sort: SortOrder, paging?: RankingPaging) {
    const { day, exact } = await this.dayFor(asOf);
    const rankings = await this.rankingsAsOf(await this.requireShow(showSlug), day);
    return { asOf, exact, data: await rankings.show(showSlug, sort, paging) };
  }

  /** A season's ranking page as it stood on a past day. */
  async season(showSlug: string, seasonNumber: number, asOf: string, sort: SortOrder, paging?: RankingPaging) {
    const { day, exact } = await this.dayFor(asOf);
    const rankings = await this.rankingsAsOf(await this.requireShow(showSlug), day);
    return { asOf, exact, data: await rankings.season(showSlug, seasonNumber, sort, paging) };
  }

  /**
   * Each episode's move in a live ranking (the show's, or one season's) since the latest snapshot
   * at least a week old, or the oldest there is: one row read and decoded per page.
   */
  async movements(showId: number, seasonId: number | null, live: ReadonlyArray<{ id: number; rank: number }>): Promise<Map<number, Movement>> {
    const moves = new Map<number, Movement>();
    if (live.length === 0) return moves;
    const baseline =
      (await this.repository.finishedDayOnOrBefore(addDays(this.today(), -MOVEMENT_BASELINE_DAYS))) ?? (await this.repository.firstFinishedDay());
    if (baseline === null) return moves;
    const row = await this.repository.latestOnOrBefore(showId, baseline);
    const standings = await this.sources.live.get(showId);
    const before = ranksIn(row ? decodeSnapshot(row.ranking) : { priorVotes: 0, entries: [] }, seasonId === null ? null : seasonIds(standings, seasonId));
    for (const { id, rank } of live) {
      const then = before.get(id);
      moves.set(id, then === undefined ? { kind: 'new', since: baseline } : { kind: 'moved', places: then - rank, since: baseline });
    }
    return moves;
  }

  /** An episode's rank within its season on each snapshot day of the last RANK_HISTORY_DAYS (at most the retention window). */
  async rankHistory(showId: number, seasonId: number, episodeId: number): Promise<RankPoint[]> {
    const today = this.today();
    const window = Math.min(this.historyDays(), RANK_HISTORY_DAYS);
    const days = await this.repository.finishedDays(addDays(today, -window), today, window + 1);
    if (days.length === 0) return [];
    const [rows, standings] = await Promise.all([this.repository.rowsBetween(showId, days[0]!, today, days.length + 1), this.sources.live.get(showId)]);
    const season = seasonIds(standings, seasonId);
    const rankOnRow = rows.map((row) => ({ day: row.day, rank: ranksIn(decodeSnapshot(row.ranking), season).get(episodeId) ?? null }));
    // Rows are stored only on change: each day reads the latest row on or before it.
    let r = -1;
    return days.map((day) => {
      while (r + 1 < rankOnRow.length && rankOnRow[r + 1]!.day <= day) r++;
      return { day, rank: r >= 0 ? rankOnRow[r]!.rank : null };
    });
  }

  /** The show and its latest days whose ranking changed, newest first, for its feed. */
  async changes(showSlug: string): Promise<{ show: Show; changes: RankingChange[] }> {
    const show = await this.requireShow(showSlug);
    const today = this.today();
    const [newest, standings] = await Promise.all([this.repository.latestRows(show.id, FEED_DAYS + 1), this.sources.live.get(show.id)]);
    const rows = newest.reverse();
    const changes: RankingChange[] = [];
    for (let i = 0; i < rows.length; i++) {
      // The oldest row read is a change only when it is the show's first (nothing older was read)
      // and within the retention window (not the row kept as the base of older days).
      if (i === 0 && (rows.length > FEED_DAYS || rows[0]!.day < addDays(today, -this.historyDays()))) continue;
      const before = i === 0 ? null : ranksIn(decodeSnapshot(rows[i - 1]!.ranking), null);
      const after = decodeSnapshot(rows[i]!.ranking).entries;
      const change: RankingChange = { day: rows[i]!.day, moves: [], newlyRated: [] };
      after.forEach((entry, index) => {
        const episode = standings.byId.get(entry.episodeId);
        if (!episode) return; // deleted since
        const was = before?.get(entry.episodeId);
        if (was === undefined) change.newlyRated.push({ episode, rank: index + 1 });
        else if (was !== index + 1) change.moves.push({ episode, from: was, to: index + 1 });
      });
      change.moves.sort((a, b) => Math.abs(b.from - b.to) - Math.abs(a.from - a.to) || a.to - b.to);
      if (change.moves.length > 0 || change.newlyRated.length > 0) changes.push(change);
    }
    return { show, changes: changes.reverse() };
  }

  private historyDays(): number {
    return this.settings.retentionDays > 0 ? this.settings.retentionDays : UNLIMITED_HISTORY_DAYS;
  }

  private async requireShow(slug: string): Promise<Show> {
    const show = await this.sources.catalog.findShowBySlug(slug);
    if (!show) throw new NotFoundError(says('errors.noShow', { slug }));
    return show;
  }

  /**
   * A rankings service that sees the show as it stood on the day: today's catalogue (titles,
   * seasons) with that day's tallies and m, so the same pages and answers are built from it.
   */
  private async rankingsAsOf(show: Show, day: string): Promise<RankingsService> {
    const [row, live] = await Promise.all([this.repository.latestOnOrBefore(show.id, day), this.sources.live.get(show.id)]);
    const ranking = row ? decodeSnapshot(row.ranking) : { priorVotes: this.settings.priorVotes, entries: [] };
    const tallies = new Map(ranking.entries.map((e) => [e.episodeId, e]));
    const episodes = live.episodes.map((e) => {
      const then = tallies.get(e.id);
      // The day's votes carry no histogram: they count as votes whose single ratings are not kept.
      return {
        ...e,
        count: then?.count ?? 0,
        sum: then?.sum ?? 0,
        votesHere: 0,
        sumOfSquaresHere: 0,
        histogram: e.histogram.map(() => 0),
        baselineCount: then?.count ?? 0,
      };
    });
    const standings = showStandings(show.id, episodes);
    return this.sources.rankingsFor(ranking.priorVotes, async () => standings);
  }
}

/** A show's rated episodes in fan-score order, as a snapshot stores them. */
export function rankingOf(episodes: readonly EpisodeStanding[], priorVotes: number): SnapshotRanking {
  let count = 0;
  let sum = 0;
  for (const e of episodes) {
    count += e.count;
    sum += e.sum;
  }
  const { ranked } = rankEpisodes(episodes, 'score', { showSum: sum, showCount: count, priorVotes });
  return { priorVotes, entries: ranked.map((e) => ({ episodeId: e.id, count: e.count, sum: e.sum })) };
}

/** Each episode's place in the snapshot's order, counting only the given episodes (a season) when given. */
function ranksIn(ranking: SnapshotRanking, only: ReadonlySet<number> | null): Map<number, number> {
  const ranks = new Map<number, number>();
  for (const e of ranking.entries) if (only === null || only.has(e.episodeId)) ranks.set(e.episodeId, ranks.size + 1);
  return ranks;
}

function seasonIds(standings: ShowStandings, seasonId: number): Set<number> {
  return new Set((standings.bySeason.get(seasonId) ?? []).map((e) => e.id));
}
