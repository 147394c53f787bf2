/**
 * Where to watch, by country (issue 26 item 5), on a real database: the catalogue format, CSV and
 * the export carry each watch link's countries; a code ISO 3166 never assigned is refused with
 * its name (import, admin form, chooser); the API returns them; a visitor in Japan and one in the
 * United States read the same episode's links in their own order, never from each other's cached
 * page; and the chooser remembers a country.
 */
import { describe, expect, it } from 'vitest';
import { watchLinksFor } from '../../src/catalog/watch-links.js';
import { exportCatalog, serializeCatalog } from '../../src/importers/catalog-export.js';
import { CatalogFormatError } from '../../src/importers/catalog-format.js';
import { importCatalog } from '../../src/importers/catalog-import.js';
import { parseCatalogText } from '../../src/importers/read-catalog.js';
import { storeOf } from '../../src/repositories.js';
import { isCountryCode, readCountryList } from '../../src/shared/countries.js';
import { browserFor, useTestApp } from '../helpers/app.js';
import { catalogEpisode, oneShowCatalog } from '../helpers/catalog-file.js';
import { freshDatabase } from '../helpers/database.js';
import { parsePage } from '../helpers/html.js';

const LINKS = [
  { provider: 'Global TV', url: 'https://global.example/1' },
  { provider: 'Tokyo Stream', url: 'https://tokyo.example/1', countries: ['JP'] },
  { provider: 'North Stream', url: 'https://north.example/1', countries: ['US', 'CA'] },
];

const CATALOG = oneShowCatalog({
  slug: 'watch-show',
  title: 'Watch Show',
  seasons: [
    {
      number: 1,
      episodes: [catalogEpisode(1, { title: 'Pilot', watchLinks: LINKS, baseline: { count: 10, sum: 80 } }), catalogEpisode(2, { title: 'Second' })],
    },
  ],
});

const context = useTestApp({ seed: async (database) => void (await importCatalog(storeOf(database.handle.db), CATALOG)) });
const { get, post, session } = browserFor(context);

const EPISODE = '/shows/watch-show/seasons/1/episodes/1';
const SEASON = '/shows/watch-show/seasons/1';
const inCountry = (code: string) => `epirank_country=${code}`;

/** The episode's links as a visitor reads them: the first line, then the ones one step away. */
function linksOn(html: string, scope = 'main') {
  const $ = parsePage(html);
  const names = (selector: string) =>
    $(`${scope} ${selector}`)
      .toArray()
      .map((a) => $(a).text());
  return { first: names('.watch .watch-link'), others: names('.watch-others .watch-link'), line: $(`${scope} .watch-country`).first().text() };
}

describe('the order of watch links', () => {
  it('puts the visitor’s country first, then everywhere, and the rest apart', () => {
    expect(watchLinksFor(LINKS, 'US')).toEqual({ first: [LINKS[2], LINKS[0]], others: [LINKS[1]], byCountry: true });
    expect(watchLinksFor(LINKS, 'JP')).toEqual({ first: [LINKS[1], LINKS[0]], others: [LINKS[2]], byCountry: true });
    expect(watchLinksFor(LINKS, 'FR')).toEqual({ first: [LINKS[0]], others: [LINKS[1], LINKS[2]], byCountry: true });
    expect(watchLinksFor([LINKS[0]!], 'FR')).toEqual({ first: [LINKS[0]], others: [], byCountry: false });
  });

  it('knows the assigned ISO 3166-1 codes only', () => {
    for (const code of ['JP', 'US', 'GB', 'ES']) expect(isCountryCode(code)).toBe(true);
    // ICU names these regions, but ISO 3166-1 assigns none of them.
    for (const code of ['ZZ', 'EU', 'UK', 'XK', 'SU', 'jp']) expect(isCountryCode(code)).toBe(false);
    expect(readCountryList('jp, US us')).toEqual({ countries: ['JP', 'US'] });
    expect(readCountryList('JP, ZZ')).toEqual({ notACountry: 'ZZ' });
  });
});

describe('watch link countries in files', () => {
  it('round-trips through export and import, and an import notices a change of countries alone', async () => {
    const text = serializeCatalog(await exportCatalog(storeOf(context.database.handle.db)));
    const episode = JSON.parse(text).shows[0].seasons[0].episodes[0];
    expect(episode.watchLinks).toEqual(LINKS);
    const empty = await freshDatabase();
    try {
      const db = storeOf(empty.handle.db);
      await importCatalog(db, parseCatalogText(text, 'export.json'));
      expect(serializeCatalog(await exportCatalog(db))).toBe(text);
      const edited = JSON.parse(text);
      edited.shows[0].seasons[0].episodes[0].watchLinks[1].countries = ['JP', 'KR'];
      const summary = await importCatalog(db, parseCatalogText(JSON.stringify(edited), 'edited.json'));
      expect(summary.episodes.updated).toBe(1);
      const again = JSON.parse(serializeCatalog(await exportCatalog(db)));
      expect(again.shows[0].seasons[0].episodes[0].watchLinks[1].countries).toEqual(['JP', 'KR']);
    } finally {
      await empty.drop();
    }
  });

  it('refuses a code that is not an ISO 3166 country, naming it and where it is', () => {
    const bad = (countries: unknown) => {
      const file = JSON.parse(JSON.stringify(CATALOG));
      file.shows[0].seasons[0].episodes[0].watchLinks[1].countries = countries;
      try {
        parseCatalogText(JSON.stringify(file), 'bad.json');
      } catch (error) {
        if (error instanceof CatalogFormatError) return error.problems;
        throw error;
      }
      throw new Error('the file was accepted');
    };
    const at = '/shows/0/seasons/0/episodes/0/watchLinks/1/countries';
    expect(bad(['JP', 'ZZ'])).toEqual([`${at}/1 "ZZ" is not a country: use a two-letter ISO 3166-1 country code in capitals, e.g. JP or US`]);
    expect(bad(['jp'])).toEqual([`${at}/0: "jp" is not a country: use a two-letter ISO 3166-1 country code in capitals, e.g. JP or US`]);
    expect(bad(['JP', 'JP'])).toEqual([`${at}: names the same entry twice; list each once`]);
  });

  it('reads countries from CSV after the address, and refuses an unknown one', () => {
    const header = 'show,show_title,season,episode,watch_links';
    const file = parseCatalogText(`${header}\ncsv-show,CSV Show,1,1,"A=https://a.example [jp, US] | B=https://b.example"\n`, 'links.csv');
    expect(file.shows[0]!.seasons[0]!.episodes[0]!.watchLinks).toEqual([
      { provider: 'A', url: 'https://a.example', countries: ['JP', 'US'] },
      { provider: 'B', url: 'https://b.example' },
    ]);
    expect(() => parseCatalogText(`${header}\ncsv-show,CSV Show,1,1,A=https://a.example [JP UK]\n`, 'links.csv')).toThrow(
      '"UK" in "A=https://a.example [JP UK]" is not a country',
    );
  });
});

describe('watch link countries on the site', () => {
  it('the API returns each link’s countries, empty for everywhere', async () => {
    const answer = await get(`/api/v1${EPISODE}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.json().watchLinks).toEqual([
      { ...LINKS[0], countries: [] },
      { ...LINKS[1], countries: ['JP'] },
      { ...LINKS[2], countries: ['US', 'CA'] },
    ]);
  });

  it('orders the episode page for a visitor in Japan and one in the United States, each from their own cached copy', async () => {
    // Twice each, interleaved: the second answer of each comes from the page cache (one copy per country).
    for (let round = 0; round < 2; round++) {
      const japan = linksOn((await get(EPISODE, inCountry('JP'))).body);
      expect(japan).toEqual({ first: ['Tokyo Stream', 'Global TV'], others: ['North Stream'], line: expect.stringContaining('Showing links for Japan') });
      const states = linksOn((await get(EPISODE, inCountry('US'))).body);
      expect(states).toEqual({
        first: ['North Stream', 'Global TV'],
        others: ['Tokyo Stream'],
        line: expect.stringContaining('Showing links for United States'),
      });
    }
    // Without a cookie the language's region decides: Japanese readers get Japan's links first.
    const byLanguage = await context.app.inject({ url: EPISODE, headers: { 'accept-language': 'ja' } });
    expect(linksOn(byLanguage.body).first).toEqual(['Tokyo Stream', 'Global TV']);
    expect(linksOn(byLanguage.body).line).toContain('日本');
  });

  it('orders each card of the season page alike, its "change" leading to the episode’s chooser', async () => {
    const japan = await get(SEASON, inCountry('JP'));
    expect(linksOn(japan.body, 'article#s1e1')).toMatchObject({ first: ['Tokyo Stream', 'Global TV'], others: ['North Stream'] });
    const states = await get(SEASON, inCountry('US'));
    expect(linksOn(states.body, 'article#s1e1')).toMatchObject({ first: ['North Stream', 'Global TV'], others: ['Tokyo Stream'] });
    const $ = parsePage(states.body);
    expect($('article#s1e1 .watch-country a').attr('href')).toBe(`${EPISODE}#watch-country`);
  });

  it('the chooser lists the links’ other countries, and /country/:code remembers one and goes back', async () => {
    const $ = parsePage((await get(EPISODE, inCountry('JP'))).body);
    const choices = $('#watch-country .country-chooser a')
      .toArray()
      .map((a) => [$(a).text(), $(a).attr('href')]);
    expect(choices).toEqual([
      ['Canada', `/country/CA?back=${encodeURIComponent(EPISODE)}`],
      ['United States', `/country/US?back=${encodeURIComponent(EPISODE)}`],
    ]);
    const chosen = await get(`/country/US?back=${encodeURIComponent(EPISODE)}`);
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe(EPISODE);
    expect(String(chosen.headers['set-cookie'])).toContain('epirank_country=US');
    expect(String(chosen.headers['cache-control'])).toContain('private');
    expect((await get('/country/ca?back=//evil.example')).headers.location).toBe('/');
    const unknown = await get('/country/ZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Epirank knows no country “ZZ”');
    // A forged cookie is no country: the language's region decides.
    expect(linksOn((await get(EPISODE, inCountry('ZZ'))).body).line).toContain('United States');
  });

  it('the admin form sets the countries, refuses an unknown code beside the field, and audits the change', async () => {
    const editor = await session('editor');
    const form = parsePage((await get('/admin/shows/watch-show/seasons/1/episodes/1', editor)).body);
    expect(form('textarea[name=watchLinkCountries]').text()).toBe('Tokyo Stream = JP\nNorth Stream = US, CA');
    const fields = {
      title: 'Pilot',
      airDate: '',
      synopsis: '',
      directors: '',
      watchLinks: LINKS.map((l) => `${l.provider} = ${l.url}`).join('\n'),
    };
    const refused = await post('/admin/shows/watch-show/seasons/1/episodes/1', { ...fields, watchLinkCountries: 'Tokyo Stream = JP, ZZ' }, editor);
    expect(refused.statusCode).toBe(400);
    expect(parsePage(refused.body)('#field-watchLinkCountries-error').text()).toBe('“ZZ” is not a country: use two-letter ISO 3166-1 codes such as JP or US.');
    const noSuchLink = await post('/admin/shows/watch-show/seasons/1/episodes/1', { ...fields, watchLinkCountries: 'Osaka Stream = JP' }, editor);
    expect(parsePage(noSuchLink.body)('#field-watchLinkCountries-error').text()).toContain('“Osaka Stream” is not one of the watch links above');
    const saved = await post(
      '/admin/shows/watch-show/seasons/1/episodes/1',
      { ...fields, watchLinkCountries: 'North Stream = us\nTokyo Stream = JP, KR' },
      editor,
    );
    expect(saved.statusCode).toBe(303);
    const api = (await get(`/api/v1${EPISODE}`)).json();
    expect(api.watchLinks.map((l: { countries: string[] }) => l.countries)).toEqual([[], ['JP', 'KR'], ['US']]);
    const audit = await context.database.handle.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'episode.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!).watchLinks[2].countries).toEqual(['US', 'CA']);
    expect(JSON.parse(audit.after_json!).watchLinks[2].countries).toEqual(['US']);
  });
});
