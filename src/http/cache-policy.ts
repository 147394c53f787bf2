/**
 * Every Cache-Control value the app sends, and the lifetimes behind them: the one place that says
 * who may keep an answer (a browser, a shared cache such as a CDN or a proxy, nobody) and for how
 * long. Route files name a policy by what they answer; none writes a value of its own (a test
 * greps src/ for one).
 *
 * Three rules shape the values:
 * - An answer that depends on who asks (a voter's own ratings, a signed-in visitor's name in the
 *   header, a spoiler horizon from a cookie) is `private`: no shared cache may keep it, or it would
 *   hand one visitor's page to the next.
 * - A page every visitor without a cookie gets the same may be kept by anyone for
 *   PAGE_CACHE_SECONDS, the staleness this app already accepts for its own page cache (another
 *   instance without Redis sees a vote that late). A downstream cache that keeps it that long at most
 *   doubles the bound. Neither `s-maxage` nor `stale-while-revalidate` is sent: either would let a
 *   shared cache keep a page past that bound, longer than a vote is promised to take to show.
 *   Such a page carries a strong ETag, so asking again costs a 304.
 * - What never changes at its URL (a fingerprinted asset, a ranking of a day whose own snapshot
 *   answers it) is immutable for a year; what changes slowly (feeds, sitemaps) is kept for hours.
 */
import type { FastifyInstance } from 'fastify';

/** A year: the lifetime of what never changes at its URL. */
const YEAR_SECONDS = 31_536_000;
/** Unfingerprinted assets, the OpenAPI document and share images: a few minutes behind is fine. */
const MINUTES_SECONDS = 300;
/** Feeds, robots.txt, sitemaps and a past day's ranking before its snapshot: read hourly at most. */
const HOUR_SECONDS = 3600;
/** The web app manifest changes with a release, not with votes. */
const DAY_SECONDS = 86_400;
/** API reads: short, and revalidated once stale (a 304 costs a map lookup on the server). */
const API_READ_SECONDS = 10;

const publicFor = (seconds: number) => `public, max-age=${seconds}`;

/**
 * A page or embed every visitor without a cookie gets the same, kept as long as the app keeps it
 * (PAGE_CACHE_SECONDS, src/config.ts). With the page cache off (0) a cache must ask every time.
 */
export function sharedPageCacheControl(pageCacheSeconds: number): string {
  return publicFor(pageCacheSeconds);
}

/** The Cache-Control value for each kind of answer. */
export const cacheControl = {
  /**
   * A public page as one visitor sees it (their ratings, their name, their horizon): their browser
   * may keep it for the back button but must ask again before reusing it; no shared cache may.
   */
  personalPage: 'private, no-cache',
  /** An answer or redirect made from one visitor's cookie that must not be kept even by their browser. */
  forOneVisitor: 'private, no-store',
  /** Account and admin pages, errors, health checks, metrics: never kept anywhere. */
  noStore: 'no-store',
  /** A fingerprinted asset (src/web/assets.ts): its URL changes with its bytes. */
  fingerprintedAsset: `${publicFor(YEAR_SECONDS)}, immutable`,
  /** An asset asked for without its fingerprint (an old link, a hand-typed URL). */
  unversionedAsset: publicFor(MINUTES_SECONDS),
  /** A past day's ranking built from that day's own snapshot: it never changes. */
  settledRanking: `${publicFor(YEAR_SECONDS)}, immutable`,
  /** A past day's ranking before that day's snapshot exists: a later day may still get one. */
  unsettledRanking: publicFor(HOUR_SECONDS),
  /** A show's Atom feed: readers poll, and an hour is well under a day between snapshots. */
  feed: publicFor(HOUR_SECONDS),
  /** robots.txt and the sitemaps: the sitemaps' own lastmod values say what changed. */
  crawlerFile: publicFor(HOUR_SECONDS),
  /** The web app manifest. */
  manifest: publicFor(DAY_SECONDS),
  /**
   * A share image (og:image): a preview a little behind the latest votes is fine, and its ETag
   * makes asking again cheap.
   */
  shareImage: publicFor(MINUTES_SECONDS),
  /** A JSON API read (src/http/api-caching.ts). */
  apiRead: `${publicFor(API_READ_SECONDS)}, must-revalidate`,
  /** The OpenAPI document. */
  apiDocument: publicFor(MINUTES_SECONDS),
} as const;

/**
 * Gives every HTML answer that named no policy the personal one: a page not sent by the cached
 * responder (the top lists, search, a form's answer) is built per request and may name the
 * signed-in visitor, and without a Cache-Control a shared cache may keep a 200 by heuristic
 * (RFC 9111 §4.2.2).
 */
export function registerDefaultCacheControl(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control') && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('cache-control', cacheControl.personalPage);
    }
    return payload;
  });
}
