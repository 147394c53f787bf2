/**
 * The spoiler horizon on the show and season pages: `?upto=` masks every later episode (ranking,
 * not-yet-rated list, heatmap, trend chart, JSON-LD, share tags) while the plain address stays
 * unmasked; a horizon in the cookie redirects to its `upto` address; the form's route sets and
 * forgets it; and the shared page cache keeps the two addresses apart.
 */
import { describe, expect, it } from 'vitest';
import { HORIZON_COOKIE } from '../../src/shared/spoiler-horizon.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage, type Page } from '../helpers/html.js';

const SLUG = 'horizon-show';
const SHOW = `/shows/${SLUG}`;
const SEASON_1 = `${SHOW}/seasons/1`;
const SEASON_2 = `${SHOW}/seasons/2`;
const FORM = `${SHOW}/horizon`;

/** Every later episode's words, none of which a page masked after S1E2 may contain. */
const SECRETS = ['The Betrayal', 'Nobody survives the ferry', 'Kara Returns', 'Quiet Unaired Finale', 'The Second Wedding'];

const testApp = useTestApp({
  // Pages are reused for as long as the tests run, so a wrongly shared entry would show.
  config: { pageCacheSeconds: 3600 },
  seed: async (database) => {
    const f = factories(database.handle.db);
    const show = await f.show({ slug: SLUG, title: 'Horizon Show' });
    const one = await f.season(show.id, 1);
    const two = await f.season(show.id, 2);
    const rate = async (seasonId: number, number: number, title: string, ratings: number[], synopsis?: string) => {
      const { id } = await f.episode(seasonId, number, { title, synopsis: synopsis ?? null });
      if (ratings.length > 0) await f.ratings(id, ratings);
    };
    await rate(one.id, 1, 'A Quiet Start', [7, 7]);
    await rate(one.id, 2, 'The Harbour', [6, 6], 'They reach the harbour.');
    // The best-rated episode is after the horizon: it ranks first, masked.
    await rate(one.id, 3, 'The Betrayal', [10, 10, 10], 'Nobody survives the ferry.');
    await rate(one.id, 4, 'Quiet Unaired Finale', []);
    await rate(two.id, 1, 'Kara Returns', [9, 9]);
    await rate(two.id, 2, 'The Second Wedding', [8]);
  },
});

const get = (url: string, headers: Record<string, string> = {}) => testApp.app.inject({ method: 'GET', url, headers });
const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  testApp.app.inject({
    method: 'POST',
    url: FORM,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers },
  });

async function page(url: string): Promise<{ html: string; $: Page }> {
  const response = await get(url);
  expect(response.statusCode, url).toBe(200);
  return { html: response.body, $: parsePage(response.body) };
}

function expectNoSecret(html: string) {
  for (const secret of SECRETS) expect(html).not.toContain(secret);
}

/** The JSON-LD graph's text. */
const structuredData = ($: Page) => $('script[type="application/ld+json"]').text();

describe('a season page with ?upto=', () => {
  it('masks every later episode in its place, and the plain address shows them', async () => {
    const { html, $ } = await page(`${SEASON_1}?upto=1x2`);
    expectNoSecret(html);
    const cards = $('ol.ranking > li > article.episode').toArray();
    // S1E3 keeps its first place, with nothing but its numbers.
    const first = $(cards[0]);
    expect(first.attr('data-episode')).toBe('3');
    expect(first.find('.rank').text()).toContain('#1');
    expect(first.find('.masked').text()).toContain('Hidden: after S1E2');
    expect(first.find('.episode-title, .synopsis, .score, .average-value, .votes, .vote-open, .directors, .watch')).toHaveLength(0);
    expect(first.attr('data-average')).toBeUndefined();
    expect(first.attr('data-votes')).toBeUndefined();
    // The episodes up to the horizon stay as they are.
    expect($('article#s1e2 .episode-title').text()).toBe('The Harbour');
    expect($('article#s1e2 .average-value').text()).toBe('6.00');
    // The not-yet-rated list masks too.
    expect($('ul.unrated > li#s1e4').text()).toContain('Hidden: after S1E2');
    expect($('ul.unrated > li#s1e4 a')).toHaveLength(0);

    const plain = await page(SEASON_1);
    expect(plain.html).toContain('The Betrayal');
    expect(plain.html).toContain('Nobody survives the ferry');
    expect(plain.html).toContain('Quiet Unaired Finale');
    expect(plain.$('.masked')).toHaveLength(0);
    expect(plain.$('.horizon-banner')).toHaveLength(0);
  });

  it('says which episodes are hidden, links its plain address as canonical, and keeps upto in its links', async () => {
    const { $ } = await page(`${SEASON_1}?sort=votes&upto=1x2`);
    expect($('.horizon-banner').text()).toContain('Spoilers hidden after S1E2');
    expect($('.horizon-banner button').text()).toBe('Show everything');
    expect($('.horizon-banner input[name="clear"]').attr('value')).toBe('1');
    expect($('.horizon-banner input[name="return"]').attr('value')).toBe(`${SEASON_1}?sort=votes`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`http://localhost:80${SEASON_1}?sort=votes`);
    // No share image or embed: both list episodes by title.
    expect($('meta[property="og:image"]')).toHaveLength(0);
    expect($('link[type="application/json+oembed"]')).toHaveLength(0);
    const links = (selector: string) =>
      $(selector)
        .toArray()
        .map((a) => $(a).attr('href'));
    for (const href of [...links('.sort-switch a'), ...links('.season-switch a'), ...links('.breadcrumbs a[href^="/shows"]'), ...links('.episode-title a')]) {
      expect(href).toMatch(/[?&]upto=1x2(#|$)/);
    }
    expect(
      $('.season-switch a')
        .toArray()
        .map((a) => $(a).text()),
    ).toEqual(['Season 1', 'Season 2']);
    expect($('.chart-data-link a').attr('href')).toBe(`http://localhost:80${SEASON_1}?sort=votes&chart=table&upto=1x2#trend-data`);
    expect($('section.ranking-section').attr('data-return')).toBe(`${SEASON_1}?sort=votes&upto=1x2`);
  });

  it('has the horizon form, filled in with the page’s horizon', async () => {
    const { $ } = await page(`${SEASON_1}?upto=1x2`);
    const form = $('form.horizon-form');
    expect(form.attr('method')).toBe('post');
    expect(form.attr('action')).toBe(FORM);
    // Issue 25: a picker of the show's episodes instead of two blank number boxes.
    expect(form.find('select[name="upto"] option[selected]').attr('value')).toBe('1x2');
    expect(form.find('input[name="return"]').attr('value')).toBe(SEASON_1);
    expect(form.find('button').text()).toBe('Hide spoilers after this');
    expect(form.find('label').text()).toBe('Watched up to');
  });

  it('lists no masked episode in its JSON-LD', async () => {
    const masked = await page(`${SEASON_1}?upto=1x2`);
    const items = JSON.parse(structuredData(masked.$))['@graph'].find((n: { '@type': string }) => n['@type'] === 'ItemList').itemListElement;
    expect(items.map((i: { item: { name: string } }) => i.item.name)).toEqual(['A Quiet Start', 'The Harbour']);
    expectNoSecret(structuredData(masked.$));
    expect(structuredData((await page(SEASON_1)).$)).toContain('The Betrayal');
  });

  it('draws no trend point, and lists no number, for a masked episode', async () => {
    const chart = await page(`${SEASON_1}?upto=1x2`);
    expect(chart.$('svg.trend-chart circle.tc-pt')).toHaveLength(2);
    expect(chart.$('svg.trend-chart').text()).toContain('Episodes after S1E2 are hidden.');
    const table = await page(`${SEASON_1}?chart=table&upto=1x2`);
    expectNoSecret(table.html);
    const rows = table.$('table.chart-data tbody tr').toArray();
    expect(rows).toHaveLength(4);
    expect(table.$(rows[2]).text()).toContain('Hidden: after S1E2');
    expect(table.$(rows[2]).text()).not.toContain('10.00');
    expect((await page(SEASON_1)).$('svg.trend-chart circle.tc-pt')).toHaveLength(3);
  });

  it('keeps a season wholly after the horizon to itself, season switch and all', async () => {
    const { html, $ } = await page(`${SEASON_2}?upto=1x2`);
    expectNoSecret(html);
    expect($('ol.ranking > li > article.episode .masked')).toHaveLength(2);
    expect($('.season-average')).toHaveLength(0);
    expect(
      $('.season-switch a')
        .toArray()
        .map((a) => $(a).text()),
    ).toEqual(['Season 1', 'Season 2']);
  });
});

describe('a show page with ?upto=', () => {
  it('masks later episodes in the ranking, the heatmap and the trend chart', async () => {
    const { html, $ } = await page(`${SHOW}?upto=1x2`);
    expectNoSecret(html);
    expect($('ol.ranking > li > article.episode .masked')).toHaveLength(3);
    expect($('ul.unrated > li.masked')).toHaveLength(1);
    // Every cell keeps its place; the masked ones carry no value, no link and no title.
    const cells = $('table.heatmap tbody td').toArray();
    expect(cells).toHaveLength(8);
    const masked = $('table.heatmap td.hm-masked');
    expect(masked).toHaveLength(4);
    expect(masked.find('a')).toHaveLength(0);
    expect(masked.text()).not.toMatch(/\d+\.\d\d/);
    expect(masked.first().text()).toContain('Hidden: after S1E2');
    expect($('table.heatmap td a[aria-label^="S1E2 The Harbour"]')).toHaveLength(1);
    expect($('svg.trend-chart circle.tc-pt')).toHaveLength(2);
    // Season 2 is wholly after the horizon: its row keeps its counts of episodes, not its scores.
    expect($('tr[data-season="2"] .season-average')).toHaveLength(0);
    expect($('tr[data-season="2"] .masked').text()).toBe('Hidden');
    expect($('tr[data-season="1"] .season-average').text()).not.toBe('');
    for (const href of $('.heatmap-switch a, table.heatmap a, .seasons a')
      .toArray()
      .map((a) => $(a).attr('href'))) {
      expect(href).toMatch(/[?&]upto=1x2(#|$)/);
    }

    const plain = await page(SHOW);
    expect(plain.html).toContain('The Betrayal');
    expect(plain.$('table.heatmap td.hm-masked')).toHaveLength(0);
    expect(plain.$('svg.trend-chart circle.tc-pt')).toHaveLength(5);
    expect(plain.$('tr[data-season="2"] .season-average').text()).toBe('8.67');
  });

  it('answers a bad upto with a 400 page, never a 500', async () => {
    for (const upto of ['0x1', 'abc', '', '1x', 'S0E1', '99999x1']) {
      const response = await get(`${SHOW}?upto=${encodeURIComponent(upto)}`);
      expect(response.statusCode, upto).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
    }
    expect((await get(`${SEASON_1}?upto=abc`)).statusCode).toBe(400);
    // S2E5 as people type it is as good as the link form.
    expect((await get(`${SHOW}?upto=s1e2`)).statusCode).toBe(200);
  });
});

describe('the shared page cache', () => {
  it('never serves a masked page for the plain address, nor the plain page for a masked one', async () => {
    const url = `${SHOW}?sort=votes`;
    expect((await page(`${url}&upto=1x2`)).html).not.toContain('The Betrayal');
    expect((await page(url)).html).toContain('The Betrayal');
    const season = `${SEASON_1}?sort=average`;
    expect((await page(season)).html).toContain('The Betrayal');
    expect((await page(`${season}&upto=1x2`)).html).not.toContain('The Betrayal');
  });
});

describe('the horizon cookie', () => {
  it('sends a page asked for without upto to its upto address, uncached', async () => {
    const cookie = `${HORIZON_COOKIE}=${SLUG}:1x2`;
    const response = await get(`${SEASON_1}?sort=votes`, { cookie });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`${SEASON_1}?sort=votes&upto=1x2`);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const show = await get(SHOW, { cookie });
    expect(show.statusCode).toBe(302);
    expect(show.headers.location).toBe(`${SHOW}?upto=1x2`);
    // A link's own upto wins over the cookie.
    expect((await get(`${SHOW}?upto=2x1`, { cookie })).statusCode).toBe(200);
    // Another show's horizon is not this one's.
    expect((await get(SHOW, { cookie: `${HORIZON_COOKIE}=other-show:1x2` })).statusCode).toBe(200);
  });
});

describe('POST /shows/:show/horizon', () => {
  it('remembers the horizon and comes back to the page at its upto address', async () => {
    const response = await post({ season: '1', episode: '2', return: `${SEASON_1}?sort=votes` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${SEASON_1}?sort=votes&upto=1x2`);
    const cookie = response.cookies.find((c) => c.name === HORIZON_COOKIE);
    expect(cookie?.value).toBe(`${SLUG}:1x2`);
    expect(cookie?.httpOnly).toBe(true);
    // The cookie it set now redirects the plain page.
    const next = await get(SHOW, { cookie: `${HORIZON_COOKIE}=${cookie!.value}` });
    expect(next.headers.location).toBe(`${SHOW}?upto=1x2`);
  });

  it('replaces a horizon the return address already carries', async () => {
    const response = await post({ season: '2', episode: '1', return: `${SEASON_1}?upto=1x2&sort=votes` });
    expect(response.headers.location).toBe(`${SEASON_1}?sort=votes&upto=2x1`);
  });

  it('forgets the horizon with clear and goes back to the plain page', async () => {
    const response = await post({ clear: '1', return: `${SEASON_1}?sort=votes&upto=1x2` }, { cookie: `${HORIZON_COOKIE}=other-show:3x1|${SLUG}:1x2` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${SEASON_1}?sort=votes`);
    // The other show's horizon stays.
    expect(response.cookies.find((c) => c.name === HORIZON_COOKIE)?.value).toBe('other-show:3x1');
    const last = await post({ clear: '1', return: SEASON_1 }, { cookie: `${HORIZON_COOKIE}=${SLUG}:1x2` });
    const cleared = last.cookies.find((c) => c.name === HORIZON_COOKIE);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
  });

  it('refuses to send the browser to another site: a foreign return goes to the show page', async () => {
    for (const back of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await post({ season: '1', episode: '2', return: back });
      expect(response.statusCode, back).toBe(303);
      expect(response.headers.location, back).toBe(`${SHOW}?upto=1x2`);
    }
  });

  it('answers a form without numbers, or with impossible ones, with a 400', async () => {
    expect((await post({ season: '1', return: SHOW })).statusCode).toBe(400);
    expect((await post({ season: '0', episode: '1' })).statusCode).toBe(400);
    expect((await post({ season: '1', episode: 'two' })).statusCode).toBe(400);
    expect((await post({ season: '10000', episode: '1' })).statusCode).toBe(400);
  });

  it('takes the form only from this site’s own pages', async () => {
    const response = await post({ season: '1', episode: '2' }, { 'sec-fetch-site': 'cross-site' });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.find((c) => c.name === HORIZON_COOKIE)).toBeUndefined();
  });
});
