/**
 * robots.txt, the sitemap index and its sitemaps (every show, season and episode page once in each
 * language, with lastmod and every language's address as hreflang alternates, and the unfiltered
 * listing pages, never more than the limits per file, in URLs and in bytes), canonical links from
 * PUBLIC_URL, and the icons and manifest (in the request's language) with their content types and
 * cache headers.
 */
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { SitemapRepository } from '../../src/catalog/sitemap.repository.js';
import { LISTING_PATHS, longestPageBytes, SitemapService } from '../../src/catalog/sitemap.service.js';
import { pageEntries, URLSET_CLOSE, URLSET_OPEN } from '../../src/catalog/sitemap-xml.js';
import { LANGUAGES, languageAddress } from '../../src/i18n/languages.js';
import { paths } from '../../src/shared/paths.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const SITE = 'https://episodes.example.org';
/** The listing pages, unfiltered: the show browser and the three site-wide episode lists. */
const listings = [`${SITE}/shows`, `${SITE}/top`, `${SITE}/top?list=votes`, `${SITE}/top?list=divisive`];
const expected: string[] = [...listings];
/** A page's address in every language: the default's (English) and each other's with ?lang=. */
const inEveryLanguage = (url: string) => LANGUAGES.map((l) => languageAddress(url, l.tag, 'en'));

const context = useTestApp({
  config: { publicUrl: SITE },
  seed: async (database) => {
    const make = factories(database.handle.db);
    for (const [slug, seasons] of [
      ['alpha', [3, 2]],
      ['b&q', [1]],
    ] as const) {
      const show = await make.show({ slug });
      expected.push(`${SITE}/shows/${encodeURIComponent(slug)}`);
      for (const [i, episodes] of seasons.entries()) {
        const season = await make.season(show.id, i + 1);
        expected.push(`${SITE}/shows/${encodeURIComponent(slug)}/seasons/${i + 1}`);
        for (let e = 1; e <= episodes; e++) {
          const episode = await make.episode(season.id, e);
          expected.push(`${SITE}/shows/${encodeURIComponent(slug)}/seasons/${i + 1}/episodes/${e}`);
          if (e === 1) await make.ratings(episode.id, [7]);
        }
      }
    }
  },
});

const get = (url: string) => context.app.inject({ method: 'GET', url });
const xml = (body: string) => cheerio.load(body, { xml: true });

/** Every URL and lastmod of the sitemaps the index lists, read through the app. */
async function crawl() {
  const index = await get('/sitemap.xml');
  expect(index.statusCode).toBe(200);
  const locs = xml(index.body)('sitemapindex > sitemap > loc')
    .map((_, el) => cheerio.load(el, { xml: true }).text())
    .get();
  const urls: Array<{ loc: string; lastmod: string; alternates: Record<string, string> }> = [];
  for (const loc of locs) {
    expect(loc.startsWith(`${SITE}/sitemaps/`)).toBe(true);
    const sitemap = await get(loc.slice(SITE.length));
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    const $ = xml(sitemap.body);
    $('urlset > url').each((_, el) => {
      const alternates: Record<string, string> = {};
      $(el)
        .find('xhtml\\:link')
        .each((_, link) => {
          expect($(link).attr('rel')).toBe('alternate');
          alternates[$(link).attr('hreflang')!] = $(link).attr('href')!;
        });
      urls.push({ loc: $(el).find('loc').text(), lastmod: $(el).find('lastmod').text(), alternates });
    });
  }
  return { locs, urls };
}

describe('robots.txt', () => {
  it('names the sitemap index at PUBLIC_URL', async () => {
    const response = await get('/robots.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe(`User-agent: *\nDisallow: /admin\nDisallow: /account\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });
});

describe('sitemaps', () => {
  it('list every show, season and episode page exactly once in each language, each with a lastmod, and the listing pages', async () => {
    const { locs, urls } = await crawl();
    expect(locs).toEqual([`${SITE}/sitemaps/1.xml`]);
    expect(urls.map((u) => u.loc).sort()).toEqual(expected.flatMap(inEveryLanguage).sort());
    const listingUrls = listings.flatMap(inEveryLanguage);
    for (const url of urls.filter((u) => !listingUrls.includes(u.loc))) expect(Number.isNaN(Date.parse(url.lastmod)), url.loc).toBe(false);
    // A listing changes with every vote anywhere: no lastmod rather than a wrong one.
    for (const url of urls.filter((u) => listingUrls.includes(u.loc))) expect(url.lastmod, url.loc).toBe('');
    // The ampersand in a slug is escaped twice over: in the URL, then nothing left for XML to escape.
    expect(urls.some((u) => u.loc === `${SITE}/shows/b%26q`)).toBe(true);
  });

  it("dates every page of a show by its latest vote, since each shows the show's ranks", async () => {
    const db = context.database.handle.db;
    const alpha = await db.selectFrom('shows').select('id').where('slug', '=', 'alpha').executeTakeFirstOrThrow();
    const voted = '2030-01-02T03:04:05.000Z';
    await db.updateTable('show_figures').set({ last_vote_at: voted }).where('show_id', '=', alpha.id).execute();
    const { urls } = await crawl();
    const alphaPages = urls.filter((u) => u.loc.startsWith(`${SITE}/shows/alpha`));
    expect(alphaPages).toHaveLength(expected.filter((u) => u.startsWith(`${SITE}/shows/alpha`)).length * LANGUAGES.length);
    for (const page of alphaPages) expect(page.lastmod, page.loc).toBe(voted);
    for (const page of urls.filter((u) => u.loc.startsWith(`${SITE}/shows/b%26q`))) expect(page.lastmod < voted).toBe(true);
  });

  it('list the listing pages at their canonical addresses', async () => {
    for (const loc of listings) {
      const response = await get(loc.slice(SITE.length));
      expect(response.statusCode, loc).toBe(200);
      expect(parsePage(response.body)('link[rel="canonical"]').attr('href'), loc).toBe(loc);
    }
  });

  it('streams a sitemap through compression intact', async () => {
    const plain = await get('/sitemaps/1.xml');
    const zipped = await context.app.inject({ method: 'GET', url: '/sitemaps/1.xml', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it('answers 404 past the last sitemap and for a name that is no sitemap number', async () => {
    for (const name of ['2.xml', '0.xml', 'x.xml', '1', '1234567.xml']) expect((await get(`/sitemaps/${name}`)).statusCode, name).toBe(404);
    const past = await context.app.inject({ url: '/sitemaps/2.xml', headers: { accept: 'application/json', 'accept-language': 'ja' } });
    expect(past.body).toContain('サイトマップ2はありません。');
  });

  it('splits into files of at most the limit, read a page of rows at a time, losing nothing', async () => {
    // The listing pages and three pages per sitemap (one id of each kind), each in every language,
    // one row per read: every boundary is crossed.
    const limit = (LISTING_PATHS.length + 3) * LANGUAGES.length;
    const service = new SitemapService(new SitemapRepository(context.database.handle.db), { maxUrls: limit, rowsPerRead: 1 });
    const count = await service.sitemapCount();
    expect(count).toBe(expected.filter((u) => u.includes('/episodes/')).length);
    let total = 0;
    for (let n = 1; n <= count; n++) {
      let inThisOne = 0;
      for await (const rows of service.pages(n)) {
        if (rows[0]?.kind !== 'listing') expect(rows.length).toBeLessThanOrEqual(1);
        inThisOne += rows.length * LANGUAGES.length;
      }
      expect(inThisOne).toBeLessThanOrEqual(limit);
      total += inThisOne;
    }
    expect(total).toBe(expected.length * LANGUAGES.length);
  });

  it('give every language of a show page the addresses of all its languages and x-default', async () => {
    const { urls } = await crawl();
    const show = `${SITE}/shows/alpha`;
    const entries = urls.filter((u) => u.alternates.en === show);
    expect(entries.map((u) => u.loc)).toEqual([show, `${show}?lang=ja`, `${show}?lang=es`]);
    for (const entry of entries) {
      expect(entry.alternates).toEqual({ en: show, ja: `${show}?lang=ja`, es: `${show}?lang=es`, 'x-default': show });
    }
    // A listing with a query of its own gets the language after it.
    expect(urls.find((u) => u.loc === `${SITE}/top?list=votes&lang=ja`)?.alternates.es).toBe(`${SITE}/top?list=votes&lang=es`);
    // Each address a sitemap names in another language is that language's page.
    const japanese = await get('/shows/alpha?lang=ja');
    expect(japanese.statusCode).toBe(200);
    expect(japanese.body).toContain('<html lang="ja"');
  });

  it('declare the xhtml namespace the alternates are written in', async () => {
    const body = (await get('/sitemaps/1.xml')).body;
    expect(body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">');
  });

  it('cut files under the byte limit, counting every page at the longest address the site can have', async () => {
    const repository = new SitemapRepository(context.database.handle.db);
    // Room for the listing pages and three pages of the longest size: the byte limit binds, not the URLs'.
    const maxBytes = Buffer.byteLength(URLSET_OPEN + URLSET_CLOSE) + (LISTING_PATHS.length + 3) * longestPageBytes(SITE.length);
    const service = new SitemapService(repository, { maxBytes, longestSiteBase: SITE.length });
    const count = await service.sitemapCount();
    expect(count).toBe(expected.filter((u) => u.includes('/episodes/')).length);
    let listed = 0;
    for (let n = 1; n <= count; n++) {
      let written = URLSET_OPEN;
      for await (const rows of service.pages(n)) {
        for (const page of rows) {
          const path =
            page.kind === 'listing'
              ? page.path
              : page.kind === 'show'
                ? paths.show(page.show)
                : page.kind === 'season'
                  ? paths.season(page.show, page.season)
                  : paths.episode(page.show, page.season, page.episode);
          written += pageEntries(SITE + path, 'lastmod' in page ? page.lastmod : null, 'en');
          listed++;
        }
      }
      expect(Buffer.byteLength(written + URLSET_CLOSE), `sitemap ${n}`).toBeLessThanOrEqual(maxBytes);
    }
    expect(listed).toBe(expected.length);
    // A site address longer than the one the files were cut for is refused, not written past the limit.
    expect(service.fitsSiteBase(SITE)).toBe(true);
    expect(service.fitsSiteBase(`${SITE}x`)).toBe(false);
  });
});

describe('pages for search engines and browsers', () => {
  it('link their canonical address at PUBLIC_URL, the icons, the manifest and the theme colour', async () => {
    const $ = parsePage((await get('/shows/alpha/seasons/1?sort=votes')).body);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}/shows/alpha/seasons/1?sort=votes`);
    expect($('link[rel="icon"][type="image/svg+xml"]').attr('href')).toMatch(/^\/assets\/icon\.svg\?v=/);
    expect($('link[rel="icon"][type="image/png"]').attr('href')).toMatch(/^\/assets\/icon\.png\?v=/);
    expect($('link[rel="manifest"]').attr('href')).toBe('/manifest.webmanifest');
    expect($('meta[name="theme-color"]').attr('content')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('serve the manifest and both icons with their types and cache headers', async () => {
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect(manifest.headers['cache-control']).toBe('public, max-age=86400');
    const body = JSON.parse(manifest.body);
    expect(body.lang).toBe('en');
    expect(body.description).toBe('Fans rank every episode of their shows.');
    const $ = parsePage((await get('/shows/alpha')).body);
    expect(body.theme_color).toBe($('meta[name="theme-color"]').attr('content'));
    for (const icon of body.icons) {
      const response = await get(icon.src);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(icon.type);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const png = await get(body.icons.find((i: { type: string }) => i.type === 'image/png').src);
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const favicon = await get('/favicon.ico');
    expect(favicon.statusCode).toBe(301);
    expect(favicon.headers.location).toMatch(/^\/assets\/icon\.png\?v=/);
  });
});

describe('the manifest in the request language', () => {
  it('names the site and says what it is in the language asked for, with lang and dir', async () => {
    const japanese = await context.app.inject({ method: 'GET', url: '/manifest.webmanifest', headers: { 'accept-language': 'ja' } });
    expect(japanese.headers.vary).toContain('Accept-Language');
    expect(JSON.parse(japanese.body)).toMatchObject({
      name: 'Epirank',
      lang: 'ja',
      dir: 'ltr',
      description: 'ファンが好きな作品の全エピソードをランキングします。',
    });
    const spanish = JSON.parse((await get('/manifest.webmanifest?lang=es')).body);
    expect(spanish).toMatchObject({ lang: 'es', description: 'Los fans clasifican cada episodio de sus series.' });
  });
});

describe('a sitemap asked for under a Host longer than any site address', () => {
  const hosted = useTestApp();
  it('is refused with 400, not written past the byte limit', async () => {
    const response = await hosted.app.inject({ method: 'GET', url: '/sitemaps/1.xml', headers: { host: `${'a'.repeat(300)}.example` } });
    expect(response.statusCode).toBe(400);
  });
});
