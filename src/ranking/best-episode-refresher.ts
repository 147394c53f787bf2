/**
 * Keeps `show_figures.best_episode_id` (each show's best episode by fan score) current, after
 * commit and off the request path.
 *
 * Every other stored figure is exact at commit, kept by database triggers. The best episode needs
 * a ranking, which a trigger cannot do, and every vote on a show can change it (it moves the
 * show's mean, which every fan score is pulled towards). So a committed vote tells the refresher
 * its show, and within BEST_EPISODE_DELAY_MS the refresher picks the show's best episode in one
 * pass over its rated episodes, a few shows per turn of the event loop. The best episode shown on
 * list pages may therefore lag a vote by up to that delay (on another app instance, until a list
 * showing it is next read after that delay). A show whose best episode was never computed (a new
 * show, or one whose best episode was deleted) has it computed before it is first shown.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SingleFlight } from '../shared/single-flight.js';
import { ShowChangeQueue } from './show-change-queue.js';
import { arithmeticFor, episodeComparator, type Prior, type RankableEpisode } from './ranking.js';
import type { ShowFiguresRepository } from './show-figures.repository.js';

/** How long a show's best episode may lag the vote that changed it, in the instance that took it. */
export const BEST_EPISODE_DELAY_MS = 1000;

/** Shows refreshed per turn of the event loop: each is one read and one linear pass. */
const SHOWS_PER_TURN = 4;

/**
 * The first of `rankEpisodes(episodes, 'score', prior).ranked`, found in one linear pass with
 * the same exact comparison instead of a sort. Every episode given must have votes.
 */
export function bestEpisode<T extends RankableEpisode>(episodes: readonly T[], prior: Prior): T | null {
  if (episodes.length === 0) return null;
  const beats = episodeComparator('score', prior, arithmeticFor(episodes, prior));
  let best = episodes[0]!;
  for (let i = 1; i < episodes.length; i++) {
    const candidate = episodes[i]!;
    if (beats(candidate, best) < 0) best = candidate;
  }
  return best;
}

export class BestEpisodeRefresher {
  /** One computation per show at a time, shared by everyone who asks meanwhile. */
  private readonly inFlight = new SingleFlight<number, number | null>();
  private stopped = false;

  /** Shows changed since the last refresh, handed over after the delay. */
  private readonly changed: ShowChangeQueue;

  constructor(
    private readonly figures: ShowFiguresRepository,
    private readonly priorVotes: number,
    private readonly options: { delayMs?: number; onError?: (error: unknown) => void } = {},
  ) {
    this.changed = new ShowChangeQueue(this.options.delayMs ?? BEST_EPISODE_DELAY_MS, () => void this.flush());
  }

  /** A change to this show committed: refresh its best episode after the delay. */
  notify(showId: number): void {
    if (!this.stopped) this.changed.add(showId);
  }

  /** Refreshes every show waiting now, a few per turn of the event loop; tests call it instead of waiting. */
  async flush(): Promise<void> {
    const shows = this.changed.take();
    for (let i = 0; i < shows.length; i += SHOWS_PER_TURN) {
      if (this.stopped) return;
      await Promise.all(shows.slice(i, i + SHOWS_PER_TURN).map((id) => this.refresh(id).catch((error) => this.options.onError?.(error))));
      if (i + SHOWS_PER_TURN < shows.length) await nextTurn();
    }
  }

  /** Computes and stores one show's best episode now; resolves with its id (null: no votes yet). */
  refresh(showId: number): Promise<number | null> {
    return this.inFlight.run(showId, () => this.compute(showId));
  }

  /** Drops pending refreshes; used when the app closes. */
  stop(): void {
    this.stopped = true;
    this.changed.stop();
  }

  private async compute(showId: number): Promise<number | null> {
    const input = await this.figures.rankingInput(showId);
    if (!input) return null;
    const prior = { showSum: input.showSum, showCount: input.showCount, priorVotes: this.priorVotes };
    const best = bestEpisode(input.episodes, prior)?.id ?? null;
    await this.figures.recordBest(showId, best, input.changes);
    return best;
  }
}
