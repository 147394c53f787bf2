/**
 * The response cache's limits: bytes, expiry, one entry per page whatever the Host header says, and
 * a show's pages and API answers dropped when it changes. The cache runs on an injected clock; the HTTP tests go
 * through the real routes.
 */
import { describe, expect, it } from 'vitest';
import { etagOf, EVERY_SHOW, ResponseCache } from '../../src/http/response-cache.js';
import { useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';

const BASE = 'https://episodes.example.org';

function cacheWithClock(options: { ttlMs?: number; maxBytes?: number } = {}) {
  let now = 1_000;
  // Compression that adds no bytes, so that these tests count the plain pages only.
  const compress = () => ({ gzip: Buffer.alloc(0), br: Buffer.alloc(0) });
  const cache = new ResponseCache({ ttlMs: options.ttlMs ?? 1_000, maxBytes: options.maxBytes ?? 1_000_000, clock: () => now, compress });
  return {
    cache,
    advance: (ms: number) => (now += ms),
    /** Stores a page of `bytes` bytes, built with nothing changed meanwhile. */
    put: (path: string, showId: number | null, bytes: number, base = BASE) => cache.set(path, base, showId, Buffer.alloc(bytes, 'x'), cache.mark()),
  };
}

describe('page cache', () => {
  it('keeps within its byte bound by dropping the oldest pages first', () => {
    const { cache, put } = cacheWithClock({ maxBytes: 250 });
    put('/a', 1, 100);
    put('/b', 1, 100);
    put('/c', 1, 100);
    // Each entry counts its key ('/b', '/c') as well as its body.
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 204 });
    expect(cache.get('/a', BASE)).toBeUndefined();
    expect(cache.get('/b', BASE)?.identity.length).toBe(100);
    expect(cache.get('/c', BASE)?.identity.length).toBe(100);
  });

  it('does not store a page bigger than the whole bound, nor drop others for it', () => {
    const { cache, put } = cacheWithClock({ maxBytes: 250 });
    put('/a', 1, 100);
    put('/huge', 1, 251);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 102 });
  });

  it('frees expired pages that nobody asks for again', () => {
    const { cache, put, advance } = cacheWithClock({ ttlMs: 1_000 });
    put('/a', 1, 100);
    put('/b', 2, 100);
    advance(600);
    put('/c', 3, 100);
    advance(400);
    // /a and /b have expired; asking for a different page frees them.
    expect(cache.get('/c', BASE)).toBeDefined();
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 102 });
    advance(600);
    put('/d', 4, 10);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 12 });
  });

  it('serves a page until it expires', () => {
    const { cache, put, advance } = cacheWithClock({ ttlMs: 1_000 });
    put('/a', 1, 100);
    advance(999);
    expect(cache.get('/a', BASE)).toBeDefined();
    advance(1);
    expect(cache.get('/a', BASE)).toBeUndefined();
  });

  it('keeps one entry per path, served only to requests on the base it was built with', () => {
    const { cache, put } = cacheWithClock();
    put('/a', 1, 100, 'http://one.example');
    expect(cache.get('/a', 'http://two.example')).toBeUndefined();
    put('/a', 1, 120, 'http://two.example');
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 122 });
    expect(cache.get('/a', 'http://one.example')).toBeUndefined();
    expect(cache.get('/a', 'http://two.example')?.identity.length).toBe(120);
  });

  it("drops a show's pages and the pages spanning shows when the show changes, and keeps the rest", () => {
    const { cache, put } = cacheWithClock();
    put('/shows/one', 1, 100);
    put('/shows/one/seasons/1', 1, 100);
    put('/shows/two', 2, 50);
    put('/', null, 10);
    cache.invalidateShow(1);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: '/shows/two'.length + 50 });
    expect(cache.get('/shows/two', BASE)).toBeDefined();
  });

  it('refuses a page whose show changed while it was being built', () => {
    const { cache } = cacheWithClock();
    const page = Buffer.from('<p>before the vote</p>');
    const beforeOne = cache.mark();
    cache.invalidateShow(1);
    cache.set('/shows/one', BASE, 1, page, beforeOne);
    cache.set('/', BASE, null, page, beforeOne);
    // Another show's change does not spoil a page about show 2.
    cache.set('/shows/two', BASE, 2, page, beforeOne);
    expect(cache.get('/shows/one', BASE)).toBeUndefined();
    expect(cache.get('/', BASE)).toBeUndefined();
    expect(cache.get('/shows/two', BASE)).toBeDefined();

    const beforeClear = cache.mark();
    cache.clear();
    cache.set('/shows/two', BASE, 2, page, beforeClear);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('stores nothing when turned off', () => {
    const { cache, put } = cacheWithClock({ ttlMs: 0 });
    put('/a', 1, 100);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});

async function seedShow(database: TestDatabase) {
  const make = factories(database.handle.db);
  const show = await make.show({ slug: 'cache-show', title: 'Cache Show' });
  const season = await make.season(show.id, 1);
  const episode = await make.episode(season.id, 1, { title: 'Pilot' });
  await make.ratings(episode.id, [7, 8]);
  episodeId = episode.id;
}
let episodeId = 0;
const SEASON_PAGE = '/shows/cache-show/seasons/1';

describe('page cache behind the routes, without PUBLIC_URL', () => {
  // An hour, so that a slow machine cannot let an entry expire between two requests.
  const context = useTestApp({ config: { pageCacheSeconds: 3600, publicUrl: null }, seed: seedShow });

  it('holds one entry per page however many Host headers ask, each answered with its own links', async () => {
    const hosts = ['a.example', 'b.example', 'c.example', 'a.example'];
    for (const host of hosts) {
      const response = await context.app.inject({ method: 'GET', url: SEASON_PAGE, headers: { host } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`<link rel="canonical" href="http://${host}${SEASON_PAGE}"`);
      for (const other of hosts.filter((h) => h !== host)) expect(response.body).not.toContain(other);
      expect(context.app.services.pageCache.stats().entries).toBe(1);
    }
  });
});

describe('page cache behind the routes, with PUBLIC_URL', () => {
  const context = useTestApp({ config: { pageCacheSeconds: 3600, publicUrl: BASE }, seed: seedShow });

  it('serves one stored page to every Host header', async () => {
    const first = await context.app.inject({ method: 'GET', url: SEASON_PAGE, headers: { host: 'a.example' } });
    expect(first.body).toContain(`${BASE}${SEASON_PAGE}`);
    // Changed behind the cache's back: only a page served from the cache still shows the old tally.
    await factories(context.database.handle.db).ratings(episodeId, [1, 1, 1, 1]);
    const second = await context.app.inject({ method: 'GET', url: SEASON_PAGE, headers: { host: 'b.example' } });
    expect(second.body).toBe(first.body);
    expect(context.app.services.pageCache.stats().entries).toBe(1);
    // Built afresh, the page does differ, so the comparison above could tell the two apart.
    context.app.services.pageCache.clear();
    // The standings the page is built from are shared and cached too (src/ranking/standings-cache.ts).
    context.app.services.showStandings.clear();
    const rebuilt = await context.app.inject({ method: 'GET', url: SEASON_PAGE, headers: { host: 'b.example' } });
    expect(rebuilt.body).not.toBe(first.body);
  });
});

/** API answers are stored under their URL with no base; `answer` makes a body. */
const answer = (body: string) => Buffer.from(body);
const noCompression = () => ({ gzip: Buffer.alloc(0), br: Buffer.alloc(0) });

describe('response cache holding API answers', () => {
  it('stays within its bytes by dropping the oldest answers', () => {
    const cache = new ResponseCache({ ttlMs: 60_000, maxBytes: 2000, clock: () => 0, compress: noCompression });
    for (let i = 0; i < 10; i++) cache.set(`/a/${i}`, '', 1, answer('x'.repeat(600)), cache.mark());
    expect(cache.stats().bytes).toBeLessThanOrEqual(2000);
    expect(cache.stats().entries).toBe(3);
    expect(cache.get('/a/0')).toBeUndefined();
    expect(cache.get('/a/9')?.identity.toString()).toHaveLength(600);
    cache.set('/huge', '', 1, answer('x'.repeat(2000)), cache.mark());
    expect(cache.get('/huge')).toBeUndefined();
    expect(cache.get('/a/9')).toBeDefined();
  });

  it('forgets answers once they expire', () => {
    let now = 0;
    const cache = new ResponseCache({ compress: noCompression, ttlMs: 1000, maxBytes: 100_000, clock: () => now });
    cache.set('/a', '', 1, answer('a'), cache.mark());
    now = 999;
    expect(cache.get('/a')).toBeDefined();
    now = 1000;
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('drops only the changed show’s answers, and refuses one built across the change', () => {
    const cache = new ResponseCache({ compress: noCompression, ttlMs: 60_000, maxBytes: 100_000, clock: () => 0 });
    cache.set('/one', '', 1, answer('1'), cache.mark());
    cache.set('/two', '', 2, answer('2'), cache.mark());
    const mark = cache.mark();
    cache.invalidateShow(1);
    expect(cache.get('/one')).toBeUndefined();
    expect(cache.get('/two')).toBeDefined();
    cache.set('/one', '', 1, answer('stale'), mark);
    expect(cache.get('/one')).toBeUndefined();
    cache.set('/two-again', '', 2, answer('2'), mark);
    expect(cache.get('/two-again')).toBeDefined();
    cache.clear();
    cache.set('/two-late', '', 2, answer('2'), mark);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('drops an answer about every show when any show changes, and refuses one built across a change', () => {
    const cache = new ResponseCache({ compress: noCompression, ttlMs: 60_000, maxBytes: 100_000, clock: () => 0 });
    cache.set('/shows', '', EVERY_SHOW, answer('list'), cache.mark());
    cache.set('/two', '', 2, answer('2'), cache.mark());
    const mark = cache.mark();
    cache.invalidateShow(1);
    expect(cache.get('/shows')).toBeUndefined();
    expect(cache.get('/two')).toBeDefined();
    cache.set('/shows', '', EVERY_SHOW, answer('stale'), mark);
    expect(cache.get('/shows')).toBeUndefined();
    cache.set('/shows', '', EVERY_SHOW, answer('fresh'), cache.mark());
    expect(cache.get('/shows')?.identity.toString()).toBe('fresh');
  });
});

describe('what the cache stores and counts', () => {
  it('tags each answer by its bytes: equal bodies get equal tags on any instance, different ones differ', () => {
    expect(etagOf('page')).toBe(etagOf(Buffer.from('page')));
    expect(etagOf('page')).not.toBe(etagOf('page '));
    expect(etagOf('page')).toMatch(/^"[\w-]{27}"$/);
    const { put } = cacheWithClock();
    expect(put('/a', 1, 10)?.etag).toBe(etagOf(Buffer.alloc(10, 'x')));
  });

  it('counts hits, misses and compressions', () => {
    const { cache, put } = cacheWithClock();
    expect(cache.get('/a', BASE)).toBeUndefined();
    put('/a', 1, 10);
    cache.get('/a', BASE);
    cache.get('/a', BASE);
    cache.get('/a', 'http://other.example');
    expect(cache.stats()).toEqual({ entries: 1, bytes: 12, hits: 2, misses: 2, compressions: 1 });
  });

  it('counts the compressed copies against the bound, and refuses an answer they push over it', () => {
    // Compression that doubles the body: 2 + 100 + 2 × 100 bytes for '/a'.
    const doubling = (body: Buffer) => ({ gzip: body, br: body });
    const cache = new ResponseCache({ ttlMs: 1_000, maxBytes: 302, clock: () => 0, compress: doubling });
    cache.set('/a', BASE, 1, Buffer.alloc(100), cache.mark());
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 302 });
    cache.set('/bb', BASE, 1, Buffer.alloc(100), cache.mark());
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 302 });
    expect(cache.get('/bb', BASE)).toBeUndefined();
    expect(cache.get('/a', BASE)?.identity.length).toBe(100);
  });

  it('refuses a page built before everything was dropped, and keeps one built after', () => {
    const { cache, put } = cacheWithClock();
    put('/a', 1, 10);
    const before = cache.mark();
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(cache.set('/a', BASE, 1, Buffer.alloc(10), before)).toBeUndefined();
    expect(cache.set('/a', BASE, 1, Buffer.alloc(10), cache.mark())?.identity.length).toBe(10);
  });
});
