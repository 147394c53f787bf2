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
 * - A page is compressed once, when it is stored (gzip and brotli), and every later request is
 *   answered with the stored bytes its Accept-Encoding allows; the bound counts all three copies.
 */

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The content codings a cached page is kept in, besides the plain bytes. */
export type PageEncoding = 'br' | 'gzip' | 'identity';

/** One page in every coding it is served in. */
export interface CachedPage {
  /** Encoded once: writing an 80 KB string with non-ASCII characters re-encodes it on every send. */
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** Compresses a page for the cache; injected by tests to count calls. */
export type PageCompressor = (html: Buffer) => { gzip: Buffer; br: Buffer };

/**
 * Brotli at quality 5 and gzip at level 6: a 100-episode season page compresses in a few
 * milliseconds (quality 11 took over 100 ms), and it is done once per stored page, not per request.
 */
export const compressPage: PageCompressor = (html) => ({
  gzip: gzipSync(html, { level: 6 }),
  br: brotliCompressSync(html, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: html.byteLength,
    },
  }),
});

/**
 * The coding to answer with for an Accept-Encoding header: brotli, then gzip, else the plain
 * bytes. A coding listed with q=0 is refused, and so is one only a `*` with q=0 would allow.
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): PageEncoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (coding: string) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

interface Entry {
  page: CachedPage;
  bytes: number;
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
  compress?: PageCompressor;
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
  private readonly compress: PageCompressor;
  private hits = 0;
  private compressions = 0;

  constructor(options: PageCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes;
    this.clock = options.clock ?? (() => performance.now());
    this.compress = options.compress ?? compressPage;
  }

  /**
   * Taken before reading the data a page is built from and handed to `set`: a page whose show
   * changed in between is not stored, since it may show the numbers from before the change.
   */
  mark(): number {
    return this.sequence;
  }

  /** The page stored for `path` if it was built on `base` and has not expired or been dropped. */
  get(path: string, base: string): CachedPage | undefined {
    if (!this.enabled()) return undefined;
    this.freeExpired();
    const entry = this.entries.get(path);
    if (entry === undefined || entry.base !== base) return undefined;
    this.hits++;
    return entry.page;
  }

  /**
   * Stores a page about `showId` (null: a page about every show, such as the home page), compressed
   * once here; answers the stored copies, or undefined when the page was not stored.
   */
  set(path: string, base: string, showId: number | null, html: Buffer, mark: number): CachedPage | undefined {
    if (!this.enabled() || html.byteLength > this.maxBytes) return undefined;
    const changedAt = showId === null ? this.sequence : Math.max(this.showChangedAt.get(showId) ?? 0, this.clearedAt);
    if (changedAt > mark) return undefined;
    this.compressions++;
    const page = { identity: html, ...this.compress(html) };
    const bytes = page.identity.byteLength + page.gzip.byteLength + page.br.byteLength;
    if (bytes > this.maxBytes) return undefined;
    this.freeExpired();
    this.delete(path);
    for (const [oldest] of this.entries) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    this.entries.set(path, { page, bytes, base, showId, expiresAt: this.clock() + this.ttlMs });
    this.bytes += bytes;
    let paths = this.pathsByShow.get(showId);
    if (!paths) this.pathsByShow.set(showId, (paths = new Set()));
    paths.add(path);
    return page;
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
  stats(): { entries: number; bytes: number; hits: number; compressions: number } {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, compressions: this.compressions };
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
    this.bytes -= entry.bytes;
    const paths = this.pathsByShow.get(entry.showId);
    paths?.delete(path);
    if (paths?.size === 0) this.pathsByShow.delete(entry.showId);
  }
}
