/**
 * How many shows the catalogue holds, for the `total` of every unfiltered show list and the front
 * page. Counting is a scan of every show (1 ms per request on PostgreSQL with 10,000 shows, and
 * growing with the catalogue), while the number changes only when an admin adds or deletes shows,
 * so it is counted at most once per `ttlMs` and forgotten at once when this instance changes the
 * catalogue. Another instance's change shows within `ttlMs`, the same bound as cached pages.
 */
import { Memo } from '../shared/memo.js';

export interface ShowCountOptions {
  /** How long a count may be reused; 0 counts on every request. */
  ttlMs: number;
  /** Milliseconds on a monotonic clock; injected by tests. */
  clock?: () => number;
}

export class ShowCount {
  /** One key: the count. A failed count (the database away) is not kept: the next request counts again. */
  private readonly known: Memo<'shows', number>;

  constructor(
    private readonly countShows: () => Promise<number>,
    options: ShowCountOptions,
  ) {
    this.known = new Memo(options);
  }

  /** The number of shows, counted at most `ttlMs` ago; requests arriving together share one count. */
  get(): Promise<number> {
    return this.known.get('shows', this.countShows);
  }

  /** Shows were added or deleted (here, or on another instance through the cache bus): the next request counts again. */
  forget(): void {
    this.known.clear();
  }
}
