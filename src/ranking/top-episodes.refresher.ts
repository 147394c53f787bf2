/**
 * Keeps `top_episodes` current, after commit and off the request path, as BestEpisodeRefresher
 * keeps each show's best episode.
 *
 * Every vote on a show moves the show's mean and with it every fan score of that show, so a
 * show's rows are recomputed together: one read of its episodes with enough votes, one pass, one
 * write. A committed vote or edit on this instance asks for its show at once (after
 * TOP_DELAY_MS, gathering a burst of votes into one refresh); every TOP_SWEEP_MS a sweep walks
 * the shows whose rows are behind their tallies (votes taken by other instances, rows never
 * computed), a few shows per turn of the event loop. A sweep that finds nothing left behind
 * records its start time: every list entry is at least that fresh, which `/top` states.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SingleFlight } from '../shared/single-flight.js';
import { ShowChangeQueue } from './show-change-queue.js';
import { average } from './ranking.js';
import type { Store } from '../db/store.js';
import type { TopEpisodesRepository, TopInput } from './top-episodes.repository.js';
import { airYear, divisiveness, orderableScore, planTopWrite, type TopRowValues } from './top-episodes.js';

/**
 * How long a show's list entries may lag a vote taken by this instance. A vote moves every fan
 * score of its show, so each refresh rewrites the scores of all the show's listed episodes: a
 * burst of votes on a big show is gathered into one refresh every ten seconds, not one a second.
 */
export const TOP_DELAY_MS = 10_000;
/** How often every instance looks for shows whose entries are behind (other instances' votes). */
export const TOP_SWEEP_MS = 30_000;
/** Shows refreshed per turn of the event loop: each is one read, one linear pass and one write. */
const SHOWS_PER_TURN = 4;

/** The rows a show's input gives: its episodes with enough votes, with their orderable numbers. */
export function topRows(showId: number, input: TopInput, priorVotes: number): TopRowValues[] {
  const prior = { showSum: input.showSum, showCount: input.showCount, priorVotes };
  const rows: TopRowValues[] = [];
  for (const c of input.candidates) {
    const avg = average(c);
    const score = orderableScore(c, prior);
    if (avg === null || score === null) continue;
    rows.push({
      episode_id: c.id,
      show_id: showId,
      network: input.network,
      air_year: airYear(c.airDate),
      vote_count: c.count,
      vote_sum: c.sum,
      show_vote_count: input.showCount,
      show_vote_sum: input.showSum,
      score,
      average: Number(avg.numerator) / Number(avg.denominator),
      divisiveness: divisiveness(c.histogram),
    });
  }
  return rows;
}

/** What the refresher reads and writes through its store. */
export interface TopEpisodesRepositories {
  topEpisodes: TopEpisodesRepository;
}

export class TopEpisodesRefresher {
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new SingleFlight<number, void>();
  /** Sweeps run one after another; the timer skips its turn while one is running. */
  private sweeps: Promise<void> = Promise.resolve();
  private sweeping = 0;
  private minVotesApplied = false;
  private stopped = false;

  /** Shows changed since the last refresh, handed over after the delay. */
  private readonly changed: ShowChangeQueue;

  constructor(
    private readonly store: Store<TopEpisodesRepositories>,
    private readonly settings: { priorVotes: number; minVotes: number },
    private readonly options: { delayMs?: number; sweepMs?: number; clock?: () => Date; onError?: (error: unknown) => void } = {},
  ) {
    this.changed = new ShowChangeQueue(this.options.delayMs ?? TOP_DELAY_MS, () => void this.flush());
  }

  /**
   * Starts the periodic sweep. Never waits for the database: a database that is down at start-up
   * only delays the first sweep, as it delays every later one.
   */
  start(): void {
    if (this.stopped || this.sweepTimer !== null) return;
    const period = this.options.sweepMs ?? TOP_SWEEP_MS;
    if (period <= 0) return;
    void this.sweep();
    this.sweepTimer = setInterval(() => {
      if (this.sweeping === 0) void this.sweep();
    }, period);
    this.sweepTimer.unref();
  }

  /** A change to this show committed: refresh its entries after the delay. */
  notify(showId: number): void {
    if (!this.stopped) this.changed.add(showId);
  }

  /** Refreshes every show notified so far; tests call it instead of waiting. */
  async flush(): Promise<void> {
    const shows = this.changed.take();
    await this.refreshAll(shows);
  }

  /**
   * Refreshes every show whose entries are behind, in id order, a few per turn; when it reaches
   * the end without being stopped, records its start as the time the lists are current as of.
   * Asked for while another runs, it starts after that one, so it sees every change made before the call.
   */
  sweep(): Promise<void> {
    this.sweeping++;
    this.sweeps = this.sweeps.then(() => this.walk()).finally(() => this.sweeping--);
    return this.sweeps;
  }

  /** Computes and stores one show's entries now. */
  refresh(showId: number): Promise<void> {
    return this.inFlight.run(showId, () => this.compute(showId));
  }

  stop(): void {
    this.stopped = true;
    this.changed.stop();
    if (this.sweepTimer !== null) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }

  private get repository(): TopEpisodesRepository {
    return this.store.read.topEpisodes;
  }

  /**
   * Rows computed under another TOP_MIN_VOTES are all recomputed: every show marked behind and
   * the new minimum recorded, in one transaction.
   */
  private async useMinVotes(): Promise<void> {
    const minVotes = this.settings.minVotes;
    if ((await this.repository.minVotes()) === String(minVotes)) return;
    await this.store.transact((tx) => tx.topEpisodes.recomputeUnder(minVotes));
  }

  private async walk(): Promise<void> {
    const startedAt = (this.options.clock ?? (() => new Date()))().toISOString();
    try {
      // Once per process: rows computed under another TOP_MIN_VOTES are all recomputed.
      if (!this.minVotesApplied) {
        await this.useMinVotes();
        this.minVotesApplied = true;
      }
      let after = 0;
      let failed = 0;
      for (;;) {
        if (this.stopped) return;
        const shows = await this.repository.staleShows(after, SHOWS_PER_TURN);
        if (shows.length === 0) break;
        failed += await this.refreshAll(shows);
        after = shows[shows.length - 1]!;
        await nextTurn();
      }
      // A show that could not be refreshed is still behind: the lists are not current as of now.
      if (failed === 0) await this.repository.recordRefreshedAt(startedAt);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** Refreshes these shows a few per turn; resolves with how many failed (each reported to onError). */
  private async refreshAll(shows: number[]): Promise<number> {
    let failed = 0;
    const attempt = (id: number) =>
      this.refresh(id).catch((error) => {
        failed++;
        this.options.onError?.(error);
      });
    for (let i = 0; i < shows.length; i += SHOWS_PER_TURN) {
      if (this.stopped) return failed;
      await Promise.all(shows.slice(i, i + SHOWS_PER_TURN).map(attempt));
      if (i + SHOWS_PER_TURN < shows.length) await nextTurn();
    }
    return failed;
  }

  private async compute(showId: number): Promise<void> {
    const input = await this.repository.input(showId, this.settings.minVotes);
    if (!input) return;
    const plan = planTopWrite(await this.repository.storedRows(showId), topRows(showId, input, this.settings.priorVotes));
    await this.repository.writeShow(showId, plan, input.changes, () => nextTurn());
  }
}
