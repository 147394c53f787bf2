/**
 * Rendered pages for visitors without a voter cookie, who all see the same HTML.
 *
 * Limits that hold however the cache is asked:
 * - One entry per page path. The page's links are absolute, built on the site's base (PUBLIC_URL,
 *   or the request's own host when that is unset), so an entry also records that base and is only
 *   served to requests with the same one; a request with another Host header gets its own page,
 *   which replaces the entry instead of adding one. Made-up Host headers cannot multiply entries
 *   (15 of them once took a big show page from 0.7 to 2.0 GB) nor plant their host in others' pages.
 * - At most `maxBytes` of pages: the oldest are dropped to make room.
 * - An entry lives `ttlMs` (which bounds how stale a page can be when another app instance took
 *   a vote) and is freed once expired by the next use of the cache, read or not.
 * - A vote drops its show's pages, and the pages that span shows, at once.
 */

interface Entry {
  /** Encoded once: writing an 80 KB string with non-ASCII characters re-encodes it on every send. */
  html: Buffer;
  /** The absolute base the page's links were built with. */
  base: string;
  showId: number | null;
  expiresAt: number;
}

export interface PageCacheOptions {
  ttlMs: number;
  maxBytes: number;
  /** Milliseconds from any fixed point; monotonic by default, so a clock change cannot keep pages alive. */
  clock?: () => number;
}

export class PageCache {
  /** Insertion order is expiry order: every entry lives the same time, and a replaced one moves to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly pathsByShow = new Map<number | null, Set<string>>();
  private bytes = 0;
  /** Counts invalidations, so a page built across one can be told apart (see `mark`). */
  private sequence = 0;
  private readonly showChangedAt = new Map<number, number>();
  private clearedAt = 0;
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly clock: () => number;

  constructor(options: PageCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes;
    this.clock = options.clock ?? (() => performance.now());
  }

  /**
   * Taken before reading the data a page is built from and handed to `set`: a page whose show
   * changed in between is not stored, since it may show the numbers from before the change.
   */
  mark(): number {
    return this.sequence;
  }

  /** The page stored for `path` if it was built on `base` and has not expired or been dropped. */
  get(path: string, base: string): Buffer | undefined {
    if (!this.enabled()) return undefined;
    this.freeExpired();
    const entry = this.entries.get(path);
    return entry !== undefined && entry.base === base ? entry.html : undefined;
  }

  /** Stores a page about `showId` (null: a page about every show, such as the home page). */
  set(path: string, base: string, showId: number | null, html: Buffer, mark: number): void {
    if (!this.enabled() || html.byteLength > this.maxBytes) return;
    const changedAt = showId === null ? this.sequence : Math.max(this.showChangedAt.get(showId) ?? 0, this.clearedAt);
    if (changedAt > mark) return;
    this.freeExpired();
    this.delete(path);
    for (const [oldest] of this.entries) {
      if (this.bytes + html.byteLength <= this.maxBytes) break;
      this.delete(oldest);
    }
    this.entries.set(path, { html, base, showId, expiresAt: this.clock() + this.ttlMs });
    this.bytes += html.byteLength;
    let paths = this.pathsByShow.get(showId);
    if (!paths) this.pathsByShow.set(showId, (paths = new Set()));
    paths.add(path);
  }

  /** Drops the pages of a show that changed, and every page that spans shows. */
  invalidateShow(showId: number): void {
    this.showChangedAt.set(showId, ++this.sequence);
    this.deleteAll(this.pathsByShow.get(showId));
    this.deleteAll(this.pathsByShow.get(null));
  }

  /** Drops every page (after a moderator removed a voter's ratings across shows). */
  clear(): void {
    this.clearedAt = ++this.sequence;
    this.entries.clear();
    this.pathsByShow.clear();
    this.bytes = 0;
  }

  /** What the cache holds now, for tests and diagnostics. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private enabled(): boolean {
    return this.ttlMs > 0 && this.maxBytes > 0;
  }

  /** Frees expired entries from the oldest on; costs one comparison when none has expired. */
  private freeExpired(): void {
    const now = this.clock();
    for (const [path, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.delete(path);
    }
  }

  private deleteAll(paths: Set<string> | undefined): void {
    if (paths) for (const path of [...paths]) this.delete(path);
  }

  private delete(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    this.bytes -= entry.html.byteLength;
    const paths = this.pathsByShow.get(entry.showId);
    paths?.delete(path);
    if (paths?.size === 0) this.pathsByShow.delete(entry.showId);
  }
}
