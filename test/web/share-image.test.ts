/**
 * The share images (og:image): real PNGs of the stated size drawn by resvg with the packaged font,
 * served from the page cache with an ETag, dropped when the show's numbers change, and the tags
 * that point at them on the show and season pages.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { factories } from '../helpers/factories.js';
import { useTestApp } from '../helpers/app.js';
import { SHARE_IMAGE_SIZE, shareImageSvg } from '../../src/web/embeds/share-image/share-svg.js';
import { renderWithResvg } from '../../src/web/embeds/share-image/share-renderer.js';
import { COLOUR_STEPS, UNRATED } from '../../src/web/ui/charts/colour-scale.js';

/** A share image is a preview, not a photograph: it must stay small for crawlers and chat clients. */
const MAX_PNG_BYTES = 200 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PUBLIC_URL = 'https://episodes.example.org';

/** The width and height a PNG's IHDR chunk (always first) declares. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('share images', () => {
  const context = useTestApp({
    // Long enough that the second request of a test always finds the first one's entry.
    config: { publicUrl: PUBLIC_URL, pageCacheSeconds: 600 },
    seed: async (database) => {
      const make = factories(database.handle.db);
      const show = await make.show({ slug: 'lanterns', title: 'The Lantern Keepers' });
      for (const number of [1, 2, 3]) {
        const season = await make.season(show.id, number);
        for (let n = 1; n <= 8; n++) {
          const episode = await make.episode(season.id, n, { title: `Night ${number}.${n}` });
          // Season 3 is left unrated: its cells are the unrated grey.
          if (number < 3) await make.ratings(episode.id, [((n + number) % 5) + 5, 8, 9]);
        }
      }
    },
  });
  const app = () => context.app;
  const ballot = (voter: string) => ({ voter: { id: voter, kind: 'anonymous' as const }, ip: '203.0.113.9' });

  it('draws the show as a 1200×630 PNG of a bounded size', async () => {
    const response = await app().inject({ method: 'GET', url: '/shows/lanterns/share.png' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    // Already compressed: never sent through gzip or brotli again.
    expect(response.headers['content-encoding']).toBeUndefined();
    const png = response.rawPayload;
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(png.byteLength).toBeLessThan(MAX_PNG_BYTES);
  });

  it('draws a season as a 1200×630 PNG too, and 404s for a show or season that does not exist', async () => {
    const response = await app().inject({ method: 'GET', url: '/shows/lanterns/seasons/2/share.png' });
    expect(response.statusCode).toBe(200);
    expect(pngSize(response.rawPayload)).toEqual(SHARE_IMAGE_SIZE);
    expect(response.rawPayload.byteLength).toBeLessThan(MAX_PNG_BYTES);
    expect((await app().inject({ method: 'GET', url: '/shows/nope/share.png' })).statusCode).toBe(404);
    expect((await app().inject({ method: 'GET', url: '/shows/lanterns/seasons/9/share.png' })).statusCode).toBe(404);
  });

  it('serves the second request from the cache with the same ETag, and 304 to a client that has it', async () => {
    const url = '/shows/lanterns/seasons/1/share.png';
    const first = await app().inject({ method: 'GET', url });
    const before = app().services.pageCache.stats();
    const second = await app().inject({ method: 'GET', url });
    const after = app().services.pageCache.stats();
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(after.hits).toBe(before.hits + 1);
    // Nothing was drawn or stored again.
    expect(after.compressions).toBe(before.compressions);
    const revalidated = await app().inject({ method: 'GET', url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.rawPayload.byteLength).toBe(0);
  });

  it('draws an image once for a burst of requests that all find the cache empty', async () => {
    const url = '/shows/lanterns/seasons/3/share.png';
    const before = app().services.pageCache.stats().compressions;
    const responses = await Promise.all([1, 2, 3, 4].map(() => app().inject({ method: 'GET', url })));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.headers.etag)).size).toBe(1);
    expect(app().services.pageCache.stats().compressions).toBe(before + 1);
  });

  it('is drawn again after a vote changes the show', async () => {
    const url = '/shows/lanterns/share.png';
    const first = await app().inject({ method: 'GET', url });
    // Episode 3.1 had no votes: it gets a cell colour and, with a 10, a place among the best.
    for (const voter of ['a:v1', 'a:v2', 'a:v3', 'a:v4', 'a:v5', 'a:v6'])
      await app().services.votes.rate(ballot(voter), { show: 'lanterns', season: 3, episode: 1 }, 10);
    const second = await app().inject({ method: 'GET', url });
    expect(second.statusCode).toBe(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('sets the title and the best episodes in the packaged font: text leaves ink on the image', async () => {
    const card = {
      title: 'Ink',
      subtitle: 'Season 1',
      top: [{ rank: 1, code: 'S1E1', title: 'Pilot', score: '8.50' }],
      grid: [{ season: 1, scores: ['8.50', null] }],
    };
    const withText = await renderWithResvg(shareImageSvg(card));
    const blank = await renderWithResvg(shareImageSvg({ ...card, title: '', subtitle: '' }));
    // Without a usable font every text run draws nothing, and the two images would be identical.
    expect(withText.equals(blank)).toBe(false);
  });

  it('is named, with absolute URLs and its size, by the show and season pages', async () => {
    for (const [page, image, oembedFor] of [
      ['/shows/lanterns?sort=votes', '/shows/lanterns/share.png', '/shows/lanterns'],
      ['/shows/lanterns/seasons/2', '/shows/lanterns/seasons/2/share.png', '/shows/lanterns/seasons/2'],
    ] as const) {
      const $ = cheerio.load((await app().inject({ method: 'GET', url: page })).body);
      expect($('meta[property="og:image"]').attr('content')).toBe(PUBLIC_URL + image);
      expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
      expect($('meta[property="og:image:height"]').attr('content')).toBe('630');
      expect($('meta[property="og:image:alt"]').attr('content')).toMatch(/^The Lantern Keepers.*heatmap/);
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
      expect($('meta[name="twitter:image"]').attr('content')).toBe(PUBLIC_URL + image);
      const oembed = $('link[rel="alternate"][type="application/json+oembed"]').attr('href');
      expect(oembed).toBe(`${PUBLIC_URL}/oembed?url=${encodeURIComponent(PUBLIC_URL + oembedFor)}&format=json`);
    }
    // A page without a share image keeps the small card.
    const $home = cheerio.load((await app().inject({ method: 'GET', url: '/' })).body);
    expect($home('meta[property="og:image"]').length).toBe(0);
    expect($home('meta[name="twitter:card"]').attr('content')).toBe('summary');
  });
});

describe('share image SVG', () => {
  const card = {
    title: 'Tom & Jerry <Live>',
    subtitle: 'Every episode, ranked by fans',
    top: [{ rank: 1, code: 'S1E2', title: 'A "quoted" title', score: '9.61' }],
    grid: [
      { season: 1, scores: ['4.20', '9.61', null] },
      { season: 2, scores: ['7.55'] },
    ],
  };

  it('draws one cell per episode in its colour step, unrated cells apart', () => {
    const svg = shareImageSvg(card);
    const fills = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" (?:fill="(#[0-9a-f]{6})" stroke=|fill="(#[0-9a-f]{6})")/g)].map(
      (m) => (m[1] ? `unrated ${m[1]}` : m[2]),
    );
    expect(fills).toEqual([COLOUR_STEPS[0]!.fill, COLOUR_STEPS[9]!.fill, `unrated ${UNRATED.dark.fill}`, COLOUR_STEPS[5]!.fill]);
  });

  it('escapes titles as text, so a title can never become markup', () => {
    const svg = shareImageSvg({ ...card, title: 'A</text><script>alert(1)</script>\u0007' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A&#60;/text&#62;&#60;script&#62;');
    expect(svg).not.toContain('\u0007');
    expect(shareImageSvg(card)).toContain('Tom &#38; Jerry &#60;Live&#62;');
  });
});
