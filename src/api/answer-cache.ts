/**
 * Serialised public API answers and their ETags, per URL, so a repeated read costs a map lookup
 * instead of ranking, serialising and hashing a body of up to a few hundred kilobytes.
 *
 * The same limits as the page cache, and the same settings (PAGE_CACHE_SECONDS, PAGE_CACHE_MB):
 * - an answer belongs to one show and is dropped when that show changes (a vote, an edit); an
 *   answer about the whole catalogue (the show list) belongs to EVERY_SHOW and is dropped when any
 *   show changes;
 * - an answer built while its show changed is not stored (see `mark`), so it cannot outlive the change;
 * - at most `maxBytes` of answers, the oldest dropped first; each lives `ttlMs`, which bounds how
 *   stale an answer can be when another app instance took the vote.
 */

export interface CachedAnswer {
  body: string;
  etag: string;
}

interface Entry extends CachedAnswer {
  showId: number;
  bytes: number;
  expiresAt: number;
}

export interface AnswerCacheOptions {
  ttlMs: number;
  maxBytes: number;
  /** Monotonic milliseconds by default; tests inject their own. */
  clock?: () => number;
}

/** The owner of answers about the whole catalogue. Show ids start at 1, so 0 names no show. */
export const EVERY_SHOW = 0;

export class AnswerCache {
  /** Insertion order is expiry order: every entry lives the same time and a replaced one moves to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly urlsByShow = new Map<number, Set<string>>();
  private bytes = 0;
  private sequence = 0;
  private readonly showChangedAt = new Map<number, number>();
  private clearedAt = 0;
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly clock: () => number;

  constructor(options: AnswerCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** Taken before the answer's data is read and handed to `set`. */
  mark(): number {
    return this.sequence;
  }

  get(url: string): CachedAnswer | undefined {
    if (!this.enabled()) return undefined;
    this.freeExpired();
    return this.entries.get(url);
  }

  set(url: string, showId: number, answer: CachedAnswer, mark: number): void {
    if (!this.enabled()) return;
    if (Math.max(this.showChangedAt.get(showId) ?? 0, this.clearedAt) > mark) return;
    // Strings are held as UTF-16; twice the length bounds the memory whatever the characters.
    const bytes = 2 * (url.length + answer.body.length + answer.etag.length);
    if (bytes > this.maxBytes) return;
    this.freeExpired();
    this.delete(url);
    for (const [oldest] of this.entries) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    this.entries.set(url, { ...answer, showId, bytes, expiresAt: this.clock() + this.ttlMs });
    this.bytes += bytes;
    let urls = this.urlsByShow.get(showId);
    if (!urls) this.urlsByShow.set(showId, (urls = new Set()));
    urls.add(url);
  }

  invalidateShow(showId: number): void {
    const sequence = ++this.sequence;
    for (const owner of new Set([showId, EVERY_SHOW])) {
      this.showChangedAt.set(owner, sequence);
      const urls = this.urlsByShow.get(owner);
      if (urls) for (const url of [...urls]) this.delete(url);
    }
  }

  clear(): void {
    this.clearedAt = ++this.sequence;
    this.entries.clear();
    this.urlsByShow.clear();
    this.bytes = 0;
  }

  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private enabled(): boolean {
    return this.ttlMs > 0 && this.maxBytes > 0;
  }

  private freeExpired(): void {
    const now = this.clock();
    for (const [url, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.delete(url);
    }
  }

  private delete(url: string): void {
    const entry = this.entries.get(url);
    if (!entry) return;
    this.entries.delete(url);
    this.bytes -= entry.bytes;
    const urls = this.urlsByShow.get(entry.showId);
    urls?.delete(url);
    if (urls?.size === 0) this.urlsByShow.delete(entry.showId);
  }
}
