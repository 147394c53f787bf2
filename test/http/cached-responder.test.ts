/**
 * The cached responder and the cache policy, through the real routes: an anonymous page, an embed
 * and a share image carry a strong ETag and a public Cache-Control and answer If-None-Match with
 * 304; a vote changes the tag; a voter's or a signed-in visitor's page is private; compressed copies
 * have tags of their own; errors are never stored; and no file but the policy module writes a
 * Cache-Control value.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { etagForCoding, etagMatches } from '../../src/http/cached-responder.js';
import { addDays, utcDay } from '../../src/ranking/snapshots/snapshot-day.js';
import { signedInAs } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';

const SHOW = '/shows/cached-show';
const SEASON = `${SHOW}/seasons/1`;
const PAGE_CACHE_SECONDS = 3600;
/** A strong tag: quoted, without the W/ of a weak one. */
const STRONG_ETAG = /^"[^"]+"$/;

describe('cached answers over HTTP', () => {
  // An hour, so that a slow machine cannot let an entry expire between two requests.
  const context = useTestApp({
    config: { pageCacheSeconds: PAGE_CACHE_SECONDS },
    seed: async (database) => {
      const make = factories(database.handle.db);
      const show = await make.show({ slug: 'cached-show', title: 'Cached Show' });
      const season = await make.season(show.id, 1);
      for (const n of [1, 2, 3]) {
        const episode = await make.episode(season.id, n, { title: `Part ${n}` });
        await make.ratings(episode.id, [n + 5, 8]);
      }
    },
  });
  const get = (url: string, headers: Record<string, string> = {}) => context.app.inject({ method: 'GET', url, headers });

  it('sends an anonymous show page with a strong ETag and a public Cache-Control, and 304 to a client that has it', async () => {
    const first = await get(SHOW);
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(STRONG_ETAG);
    expect(first.headers['cache-control']).toBe(`public, max-age=${PAGE_CACHE_SECONDS}`);
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(first.headers.vary).toMatch(/cookie/i);

    const again = await get(SHOW, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.byteLength).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
    expect(again.headers.vary).toBe(first.headers.vary);
    expect(again.headers['content-encoding']).toBeUndefined();
    // A list of tags, a weak form of the tag and `*` match too; another tag does not.
    expect((await get(SHOW, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await get(SHOW, { 'if-none-match': '*' })).statusCode).toBe(304);
    expect((await get(SHOW, { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('changes the ETag after a vote on the show, and answers the old tag with the new page', async () => {
    const before = await get(SEASON);
    const oldTag = String(before.headers.etag);
    expect((await get(SEASON, { 'if-none-match': oldTag })).statusCode).toBe(304);
    const vote = await context.app.inject({ method: 'PUT', url: `/api/v1${SEASON}/episodes/3/rating`, payload: { rating: 1 } });
    expect(vote.statusCode).toBe(200);
    const after = await get(SEASON, { 'if-none-match': oldTag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).toMatch(STRONG_ETAG);
    expect(after.headers.etag).not.toBe(oldTag);
    expect(after.body).not.toBe(before.body);
    expect((await get(SEASON, { 'if-none-match': String(after.headers.etag) })).statusCode).toBe(304);
  });

  it('tags each coding of a page apart, so a cache never gets one coding confirmed for another', async () => {
    const plain = await get(SEASON);
    const br = await get(SEASON, { 'accept-encoding': 'br' });
    const gzip = await get(SEASON, { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plainTag = String(plain.headers.etag);
    expect(br.headers.etag).toBe(etagForCoding(plainTag, 'br'));
    expect(gzip.headers.etag).toBe(etagForCoding(plainTag, 'gzip'));
    expect(new Set([plainTag, br.headers.etag, gzip.headers.etag]).size).toBe(3);
    for (const tag of [br.headers.etag, gzip.headers.etag]) expect(tag).toMatch(STRONG_ETAG);
    // The plain bytes' tag does not vouch for the brotli copy, and the brotli tag does.
    expect((await get(SEASON, { 'accept-encoding': 'br', 'if-none-match': plainTag })).statusCode).toBe(200);
    const confirmed = await get(SEASON, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(confirmed.statusCode).toBe(304);
    expect(confirmed.headers.etag).toBe(br.headers.etag);
  });

  it("keeps a voter's page and a signed-in visitor's page out of every shared cache", async () => {
    const vote = await context.app.inject({ method: 'PUT', url: `/api/v1${SEASON}/episodes/1/rating`, payload: { rating: 9 } });
    const voter = vote.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect(voter).toContain('epirank_voter=');
    const session = await signedInAs(context.app, context.database, 'fan');
    for (const [who, cookie] of [
      ['voter', voter],
      ['signed in', session],
    ]) {
      for (const url of [SHOW, SEASON, `${SEASON}/episodes/1`, '/']) {
        const response = await get(url, { cookie: cookie! });
        expect(response.statusCode, `${who} ${url}`).toBe(200);
        expect(response.headers['cache-control'], `${who} ${url}`).toBe('private, no-cache');
        expect(response.headers['cache-control'], `${who} ${url}`).not.toMatch(/public|s-maxage/);
        expect(response.headers.etag, `${who} ${url}`).toBeUndefined();
        expect(response.headers.vary, `${who} ${url}`).toMatch(/cookie/i);
      }
    }
    // The voter's own rating is on their page, and not on the page everyone else gets.
    expect((await get(`${SEASON}/episodes/1`, { cookie: voter })).body).toContain('You rated it 9.');
    expect((await get(`${SEASON}/episodes/1`)).body).not.toContain('You rated it 9.');
    // A message asked for in the query is made for one visitor too.
    const chosen = await get(`${SEASON}?choose-rating=1`);
    expect(chosen.headers['cache-control']).toBe('private, no-cache');
  });

  it('sends an embed with a strong ETag and 304 to a client that has it', async () => {
    const url = `/embed${SEASON}`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toMatch(STRONG_ETAG);
    expect(first.headers['cache-control']).toBe(`public, max-age=${PAGE_CACHE_SECONDS}`);
    const again = await get(url, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.byteLength).toBe(0);
    expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
    // Still frameable by other sites, like the 200 it stands for.
    expect(again.headers['x-frame-options']).toBeUndefined();
  });

  it('sends a share image with a strong ETag and 304 to a client that has it', async () => {
    const url = `${SHOW}/share.png`;
    const first = await get(url, { 'accept-encoding': 'br' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers.etag).toMatch(STRONG_ETAG);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const again = await get(url, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.byteLength).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('never lets an error be stored, on pages, embeds and the API', async () => {
    for (const url of ['/shows/no-such-show', '/embed/shows/no-such-show/heatmap', '/shows/no-such-show/share.png', '/api/v1/shows/no-such-show', '/nowhere']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(response.headers.etag, url).toBeUndefined();
    }
  });

  it('gives a page sent outside the responder the personal policy, and a past day’s ranking too when it names the visitor', async () => {
    expect((await get('/top')).headers['cache-control']).toBe('private, no-cache');
    const day = addDays(utcDay(new Date()), -3);
    await context.app.services.snapshots.take(day);
    expect((await get(`${SHOW}?as_of=${day}`)).headers['cache-control']).toMatch(/^public/);
    const session = await signedInAs(context.app, context.database, 'admin');
    const mine = await get(`${SHOW}?as_of=${day}`, { cookie: session });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, no-cache');
  });
});

describe('If-None-Match', () => {
  it('matches a listed tag, its weak form and *, and nothing else', () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", W/"a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"a.br"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });
});

describe('one home for Cache-Control values', () => {
  /** Every TypeScript file under src/. */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('is src/http/cache-policy.ts: no other file writes a directive in a string', () => {
    // A directive inside a quoted string or template ('public, max-age=…', 'no-store', …).
    const directive = /['"`][^'"`\n]*\b(max-age=|s-maxage|no-store|no-cache|must-revalidate|stale-while-revalidate|immutable\b)[^'"`\n]*['"`]/;
    const offenders = sources('src')
      .filter((path) => !path.endsWith(join('http', 'cache-policy.ts')))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, where: `${path}:${i + 1}` }))
          // Not Cache-Control: HSTS's max-age, CORS's access-control-max-age, SQL's IMMUTABLE.
          .filter(({ line }) => directive.test(line) && !/strict-transport|includeSubDomains|access-control-max-age|language sql/i.test(line))
          .map(({ where, line }) => `${where}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
