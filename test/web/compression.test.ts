/**
 * Compression: cached pages are compressed once when stored and served in the coding the request
 * accepts; everything else (a voter's page, the API's JSON, the stylesheet) is compressed on the way
 * out by @fastify/compress.
 */
import { displayKey } from '../../src/i18n/context.js';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressBody, ResponseCache } from '../../src/http/response-cache.js';
import { seedDemo, useTestApp } from '../helpers/app.js';

const SEASON = '/shows/kaleido-star/seasons/1';

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

describe('choosing a coding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
    ['GZIP;Q=0.5', 'gzip'],
    ['br;q=nonsense, gzip', 'gzip'],
  ])('%j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('page cache compression', () => {
  it('compresses a page once, when it is stored, and counts all three copies in its bound', () => {
    let calls = 0;
    const cache = new ResponseCache({
      ttlMs: 1_000,
      maxBytes: 1_000_000,
      compress: (html) => {
        calls++;
        return compressBody(html);
      },
    });
    const html = Buffer.from('<p>A page that says the same thing over and over. </p>'.repeat(50));
    const stored = cache.set('/a', 'http://x.example', 1, html, cache.mark())!;
    for (let i = 0; i < 3; i++) cache.get('/a', 'http://x.example');
    expect(calls).toBe(1);
    expect(decode('gzip', stored.gzip)).toBe(html.toString());
    expect(decode('br', stored.br)).toBe(html.toString());
    expect(stored.br.length).toBeLessThan(html.length / 10);
    expect(cache.stats()).toMatchObject({
      entries: 1,
      bytes: '/a'.length + html.length + stored.gzip.length + stored.br.length,
      hits: 3,
      compressions: 1,
    });
  });

  it('does not compress a page it will not store', () => {
    let calls = 0;
    const compress = (html: Buffer) => {
      calls++;
      return compressBody(html);
    };
    const off = new ResponseCache({ ttlMs: 0, maxBytes: 1_000_000, compress });
    expect(off.set('/a', 'http://x.example', 1, Buffer.from('x'), off.mark())).toBeUndefined();
    const on = new ResponseCache({ ttlMs: 1_000, maxBytes: 1_000_000, compress });
    const before = on.mark();
    on.invalidateShow(1);
    expect(on.set('/a', 'http://x.example', 1, Buffer.from('x'), before)).toBeUndefined();
    expect(calls).toBe(0);
  });
});

describe('compressed answers', () => {
  const context = useTestApp({ config: { pageCacheSeconds: 3600 }, seed: seedDemo });
  const get = (url: string, acceptEncoding?: string) =>
    context.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('serves a cached page as brotli, gzip or plain bytes, all the same HTML, compressed only once', async () => {
    const cache = context.app.services.pageCache;
    cache.clear();
    const before = cache.stats();
    const first = await get(SEASON, 'br');
    const gzip = await get(SEASON, 'gzip, deflate');
    const br = await get(SEASON, 'gzip, deflate, br');
    const plain = await get(SEASON, 'identity');
    const after = cache.stats();
    // One render and one compression for four answers: the other three were cache hits.
    expect(after.compressions - before.compressions).toBe(1);
    expect(after.hits - before.hits).toBe(3);

    expect(plain.headers['content-encoding']).toBeUndefined();
    const html = plain.rawPayload.toString('utf8');
    expect(html).toContain('<ol class="ranking"');
    for (const [response, encoding] of [
      [first, 'br'],
      [gzip, 'gzip'],
      [br, 'br'],
    ] as const) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      expect(decode(encoding, response.rawPayload)).toBe(html);
      expect(response.rawPayload.length).toBeLessThan(html.length / 5);
    }
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    // The very bytes stored at the first request: nothing compressed them again on the way out.
    // Stored under the page's address with what else the page depends on: its language, title preference and country.
    const stored = cache.get(`${displayKey({ language: 'en', inAddress: false, titles: 'listed', country: 'US' })} ${SEASON}`, 'http://localhost:80')!;
    expect(stored).toBeDefined();
    expect(br.rawPayload.equals(stored.br)).toBe(true);
    expect(gzip.rawPayload.equals(stored.gzip)).toBe(true);
  });

  it('builds a page once when many visitors ask for it while it is missing (no stampede)', async () => {
    const cache = context.app.services.pageCache;
    cache.clear();
    const before = cache.stats();
    const answers = await Promise.all(Array.from({ length: 12 }, () => get(SEASON, 'br')));
    const after = cache.stats();
    // One build, stored once; the other eleven waited for it instead of rendering the page again.
    expect(after.compressions - before.compressions).toBe(1);
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.rawPayload.toString('base64'))).size).toBe(1);
    // A missing show is answered 404 for everyone who asked at once.
    const missing = await Promise.all(Array.from({ length: 3 }, () => get('/shows/no-such-show', 'br')));
    expect(missing.map((a) => a.statusCode)).toEqual([404, 404, 404]);
  });

  it("compresses a voter's own page, which is never cached, on the way out, in one call", async () => {
    const vote = await context.app.inject({
      method: 'PUT',
      url: `/api/v1${SEASON}/episodes/3/rating`,
      payload: { rating: 8 },
    });
    expect(vote.statusCode).toBe(200);
    const cookie = vote.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await context.app.inject({ method: 'GET', url: SEASON, headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    const html = decode('gzip', response.rawPayload);
    expect(html).toContain('>Your rating: 8</a>');
    // Over the plugin's own bound for one call on two cores (8 KB) and under ours (app.ts): compressed
    // whole, so its length is known before it is sent, where a stream would have gone out chunked.
    expect(Buffer.byteLength(html)).toBeGreaterThan(8 * 1024);
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
  });

  it('compresses API JSON, stylesheets and scripts', async () => {
    const api = await get(`/api/v1${SEASON}/ranking`, 'br');
    expect(api.headers['content-encoding']).toBe('br');
    const plainApi = await get(`/api/v1${SEASON}/ranking`);
    expect(JSON.parse(decode('br', api.rawPayload))).toEqual(plainApi.json());
    // The ETag names the content, whatever its coding, so revalidation still works.
    expect(api.headers.etag).toBe(plainApi.headers.etag);

    const html = (await get(SEASON)).body;
    for (const asset of html.match(/\/assets\/site\.(?:css|js)\?v=[0-9a-f]+/g) ?? []) {
      const response = await get(asset, 'gzip');
      expect(response.headers['content-encoding'], asset).toBe('gzip');
      expect(decode('gzip', response.rawPayload).length).toBeGreaterThan(1024);
    }
  });

  it('stores a cached API answer compressed once and serves every later read from those bytes', async () => {
    const answers = context.app.services.apiAnswers;
    answers.clear();
    const before = answers.stats();
    const fresh = await get('/api/v1/shows', 'br');
    const again = await get('/api/v1/shows', 'gzip, br');
    const gzip = await get('/api/v1/shows', 'gzip');
    const plain = await get('/api/v1/shows');
    const after = answers.stats();
    expect(after.compressions - before.compressions).toBe(1);
    expect(after.hits - before.hits).toBe(3);
    const stored = answers.get('/api/v1/shows')!;
    // The first answer is already the stored copy, not a second compression on the way out.
    expect(fresh.rawPayload.equals(stored.br)).toBe(true);
    expect(again.rawPayload.equals(stored.br)).toBe(true);
    expect(gzip.rawPayload.equals(stored.gzip)).toBe(true);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const response of [fresh, again, gzip, plain]) {
      expect(response.headers.etag).toBe(stored.etag);
      expect(response.headers['cache-control']).toMatch(/max-age/);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers.vary).toMatch(/accept-encoding/i);
    }
    expect(JSON.parse(decode('gzip', gzip.rawPayload))).toEqual(plain.json());
    const notModified = await context.app.inject({ url: '/api/v1/shows', headers: { 'accept-encoding': 'br', 'if-none-match': stored.etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    expect(notModified.headers['content-encoding']).toBeUndefined();
  });

  it('leaves small answers alone', async () => {
    const health = await get('/healthz', 'br');
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toEqual({ status: 'ok' });
  });
});
