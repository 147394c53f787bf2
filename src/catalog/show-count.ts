/**
 * How many shows the catalogue holds, for the `total` of every unfiltered show list and the front
 * page. Counting is a scan of every show (1 ms per request on PostgreSQL with 10,000 shows, and
 * growing with the catalogue), while the number changes only when an admin adds or deletes shows,
 * so it is counted at most once per `ttlMs` and forgotten at once when this instance changes the
 * catalogue. Another instance's change shows within `ttlMs`, the same bound as cached pages.
 */

export interface ShowCountOptions {
  /** How long a count may be reused; 0 counts on every request. */
  ttlMs: number;
  /** Milliseconds on a monotonic clock; injected by tests. */
  clock?: () => number;
}

export class ShowCount {
  private known: { count: Promise<number>; at: number } | null = null;
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly countShows: () => Promise<number>,
    options: ShowCountOptions,
  ) {
    this.ttlMs = options.ttlMs;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** The number of shows, counted at most `ttlMs` ago; requests arriving together share one count. */
  get(): Promise<number> {
    const now = this.clock();
    if (this.known && now - this.known.at < this.ttlMs) return this.known.count;
    const count = this.countShows();
    const entry = { count, at: now };
    this.known = entry;
    // A failed count (the database away) is not kept: the next request counts again.
    count.catch(() => {
      if (this.known === entry) this.known = null;
    });
    return count;
  }

  /** Shows were added or deleted here: the next request counts again. */
  forget(): void {
    this.known = null;
  }
}
