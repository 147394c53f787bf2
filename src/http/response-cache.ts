/**
 * Answers that are the same for every reader, kept ready to send: rendered pages, embeds and share
 * images for visitors without a voter cookie (sent by src/http/cached-responder.ts), and public API
 * answers (src/http/api-caching.ts). Each is stored once in every coding it is served
 * in, with its ETag, so a repeated request costs a map lookup instead of ranking, rendering,
 * serialising, hashing and compressing again.
 *
 * Limits that hold however the cache is asked:
 * - One entry per key (a page's path, an API answer's URL). A page's links are absolute, built on
 *   the site's base (PUBLIC_URL, or the request's own host when that is unset), so an entry also
 *   records that base and is only served to requests with the same one; a request with another
 *   Host header gets its own answer, which replaces the entry instead of adding one. Made-up Host
 *   headers cannot multiply entries (15 of them once took a big show page from 0.7 to 2.0 GB) nor
 *   plant their host in others' pages.
 * - At most `maxBytes`, counting every stored coding: the oldest entries are dropped to make room.
 * - An entry lives `ttlMs` (which bounds how stale it can be when another app instance took a vote)
 *   and is freed once expired by the next use of the cache, read or not.
 * - An entry belongs to one show, or to EVERY_SHOW (the home page, the show list); a change to a
 *   show drops that show's entries and every EVERY_SHOW entry at once, and an answer built while
 *   its show changed is not stored (see `mark`), so it cannot outlive the change.
 */

import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The content codings an answer is kept in, besides the plain bytes. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** One answer in every coding it is served in, and its strong ETag. */
export interface CachedResponse {
  /** Encoded once: writing an 80 KB string with non-ASCII characters re-encodes it on every send. */
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

/** Compresses an answer for the cache; injected by tests to count calls. */
export type Compressor = (body: Buffer) => { gzip: Buffer; br: Buffer };

/** The owner of answers that span shows (the home page, the show list): any show's change drops them. */
export const EVERY_SHOW = null;
export type Owner = number | typeof EVERY_SHOW;

/**
 * Brotli at quality 5 and gzip at level 6: a 100-episode season page compresses in a few
 * milliseconds (quality 11 took over 100 ms), and it is done once per stored answer, not per request.
 */
export const compressBody: Compressor = (html) => ({ gzip: compressAs('gzip', html), br: compressAs('br', html) });

/** One compressed copy, as the cache makes it; also for an answer that was not stored (src/http/cached-responder.ts). */
export function compressAs(coding: 'br' | 'gzip', body: Buffer): Buffer {
  if (coding === 'gzip') return gzipSync(body, { level: 6 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/** A strong ETag for a body: a hash, so equal bodies get equal tags on every instance. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * The coding to answer with for an Accept-Encoding header: brotli, then gzip, else the plain
 * bytes. A coding listed with q=0 is refused, and so is one only a `*` with q=0 would allow.
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): ContentCoding {
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

/**
 * Sends the stored copy the request accepts. @fastify/compress leaves an answer whose
 * Content-Encoding is already set alone, so a stored answer is never compressed twice.
 */
export function sendCached(request: FastifyRequest, reply: FastifyReply, response: CachedResponse): FastifyReply {
  const coding = chooseEncoding(request.headers['accept-encoding']);
  reply.header('vary', 'Accept-Encoding');
  if (coding !== 'identity') reply.header('content-encoding', coding);
  return reply.send(response[coding]);
}

interface Entry {
  response: CachedResponse;
  bytes: number;
  /** The absolute base the answer's links were built with ('' for answers without links). */
  base: string;
  owner: Owner;
  expiresAt: number;
}

export interface ResponseCacheOptions {
  ttlMs: number;
  maxBytes: number;
  /** Milliseconds from any fixed point; monotonic by default, so a clock change cannot keep pages alive. */
  clock?: () => number;
  compress?: Compressor;
}

export class ResponseCache {
  /** Insertion order is expiry order: every entry lives the same time, and a replaced one moves to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly keysByOwner = new Map<Owner, Set<string>>();
  private bytes = 0;
  /** Counts invalidations, so a page built across one can be told apart (see `mark`). */
  private sequence = 0;
  private readonly showChangedAt = new Map<number, number>();
  private clearedAt = 0;
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly clock: () => number;
  private readonly compress: Compressor;
  private hits = 0;
  private misses = 0;
  private compressions = 0;

  constructor(options: ResponseCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes;
    this.clock = options.clock ?? (() => performance.now());
    this.compress = options.compress ?? compressBody;
  }

  /**
   * Taken before reading the data an answer is built from and handed to `set`: an answer whose
   * show changed in between is not stored, since it may show the numbers from before the change.
   */
  mark(): number {
    return this.sequence;
  }

  /** The answer stored under `key` if it was built on `base` and has not expired or been dropped. */
  get(key: string, base = ''): CachedResponse | undefined {
    if (!this.enabled()) return undefined;
    this.freeExpired();
    const entry = this.entries.get(key);
    if (entry === undefined || entry.base !== base) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry.response;
  }

  /**
   * Stores an answer owned by one show (or EVERY_SHOW), compressed and tagged once here; answers
   * the stored copies, or undefined when it was not stored.
   */
  set(key: string, base: string, owner: Owner, body: Buffer, mark: number): CachedResponse | undefined {
    if (!this.enabled() || body.byteLength > this.maxBytes) return undefined;
    const changedAt = owner === EVERY_SHOW ? this.sequence : Math.max(this.showChangedAt.get(owner) ?? 0, this.clearedAt);
    if (changedAt > mark) return undefined;
    this.compressions++;
    const response = { identity: body, ...this.compress(body), etag: etagOf(body) };
    const bytes = key.length + response.identity.byteLength + response.gzip.byteLength + response.br.byteLength;
    if (bytes > this.maxBytes) return undefined;
    this.freeExpired();
    this.delete(key);
    for (const [oldest] of this.entries) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    this.entries.set(key, { response, bytes, base, owner, expiresAt: this.clock() + this.ttlMs });
    this.bytes += bytes;
    let keys = this.keysByOwner.get(owner);
    if (!keys) this.keysByOwner.set(owner, (keys = new Set()));
    keys.add(key);
    return response;
  }

  /** Drops the answers of a show that changed, and every answer that spans shows. */
  invalidateShow(showId: number): void {
    this.showChangedAt.set(showId, ++this.sequence);
    this.deleteAll(this.keysByOwner.get(showId));
    this.deleteAll(this.keysByOwner.get(EVERY_SHOW));
  }

  /** Drops everything (after a moderator removed a voter's ratings across shows). */
  clear(): void {
    this.clearedAt = ++this.sequence;
    this.entries.clear();
    this.keysByOwner.clear();
    this.bytes = 0;
  }

  /** What the cache holds now and how it was used, for tests, diagnostics and metrics. */
  stats(): { entries: number; bytes: number; hits: number; misses: number; compressions: number } {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses, compressions: this.compressions };
  }

  private enabled(): boolean {
    return this.ttlMs > 0 && this.maxBytes > 0;
  }

  /** Frees expired entries from the oldest on; costs one comparison when none has expired. */
  private freeExpired(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.delete(key);
    }
  }

  private deleteAll(keys: Set<string> | undefined): void {
    if (keys) for (const key of [...keys]) this.delete(key);
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    const keys = this.keysByOwner.get(entry.owner);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByOwner.delete(entry.owner);
  }
}
