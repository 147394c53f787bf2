/**
 * Rankings as of a past day (`?as_of=`) on the season and show pages and the ranking API, the
 * movement markers of the live pages, and the episode page's rank over time, on an app whose
 * snapshots are taken by hand on days before today.
 */
import { describe, expect, it } from 'vitest';
import { addDays, utcDay } from '../../src/ranking/snapshots/snapshot-day.js';
import { formatDate } from '../../src/i18n/format.js';
import { useSnapshotTestApp } from '../helpers/snapshot-app.js';
import { SHOW_RANKING_PER_PAGE } from '../../src/shared/ranking-pages.js';
import { parsePage, readRanking } from '../helpers/html.js';
import { HORIZON_COOKIE } from '../../src/shared/spoiler-horizon.js';

/** A day as the pages print it in English (the language a request without one gets). */
const day = (iso: string) => formatDate(iso)!;

const TODAY = utcDay(new Date());
/** Two snapshot days: the movement baseline is the latest at least a week old, the second. */
const FIRST = addDays(TODAY, -20);
const SECOND = addDays(TODAY, -10);
const SEASON = '/shows/history-show/seasons/1';
const SHOW = '/shows/history-show';

const testApp = useSnapshotTestApp(
  { slug: 'history-show', title: 'History Show' },
  {
    seed: async (make, showId, [e1, e2]) => {
      await make.ratings(e1!, [9, 9, 9]);
      await make.ratings(e2!, [6, 6]);
      // A second season never rated, long enough to give the show's ranking a second page.
      const long = await make.season(showId, 2);
      for (let n = 1; n <= SHOW_RANKING_PER_PAGE; n++) await make.episode(long.id, n);
    },
  },
);
const { rate } = testApp;

const get = (url: string) => testApp.app.inject({ method: 'GET', url });
const apiRanking = async (url: string) =>
  (await get(url))
    .json()
    .ranked.map((e: { id: number; rank: number; votes: number; average: string; fanScore: string }) => [e.id, e.rank, e.votes, e.average, e.fanScore]);

describe('rankings as of a past day', () => {
  it('shows each day’s order and numbers, with a banner, a live link and caching headers', async () => {
    const { snapshots } = testApp.app.services;
    const firstSeason = readRanking(parsePage((await get(SEASON)).body));
    const firstApi = await apiRanking(`/api/v1${SEASON}/ranking`);
    expect(await snapshots.take(FIRST)).toMatchObject({ written: 1 });

    await rate(2, [10, 10, 10, 10]);
    await rate(3, [7]);
    const secondShow = readRanking(parsePage((await get(SHOW)).body));
    const secondApi = await apiRanking(`/api/v1${SHOW}/ranking`);
    expect(secondShow.map((e) => e.episode)).toEqual([2, 1, 3]);
    expect(await snapshots.take(SECOND)).toMatchObject({ written: 1 });
    await rate(3, [10, 10, 10, 10, 10, 10, 10, 10]);

    const page = await get(`${SEASON}?as_of=${FIRST}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const $ = parsePage(page.body);
    expect($('.as-of-banner').text()).toContain(`Ranking as of ${day(FIRST)}`);
    expect($('.as-of-banner a').attr('href')).toBe(SEASON);
    expect(readRanking($)).toEqual(firstSeason);
    expect(await apiRanking(`/api/v1${SEASON}/ranking?as_of=${FIRST}`)).toEqual(firstApi);

    // A day between snapshots reads the one before it, and may still change: a short cache.
    const between = await get(`${SHOW}?as_of=${addDays(SECOND, 1)}`);
    expect(between.headers['cache-control']).toBe('public, max-age=3600');
    expect(readRanking(parsePage(between.body))).toEqual(secondShow);
    const api = (await get(`/api/v1${SHOW}/ranking?as_of=${SECOND}&perPage=1`)).json();
    expect(api.asOf).toBe(SECOND);
    expect(api.next).toContain(`as_of=${SECOND}`);
    expect(await apiRanking(`/api/v1${SHOW}/ranking?as_of=${SECOND}`)).toEqual(secondApi);
    // Today's ranking has moved on.
    expect(readRanking(parsePage((await get(SHOW)).body)).map((e) => e.episode)).toEqual([3, 2, 1]);
  });

  it('marks live moves since the snapshot at least a week old, with words for screen readers', async () => {
    const $ = parsePage((await get(SEASON)).body);
    const marker = (episode: number) => $(`ol.ranking > li:has(article[data-episode="${episode}"]) .movement`);
    // Against the second snapshot (2, 1, 3), today's order is 3, 2, 1.
    expect(marker(3).find('[aria-hidden]').text()).toBe('▲2');
    expect(marker(3).find('.visually-hidden').text()).toBe(`Up 2 places since ${day(SECOND)}`);
    expect(marker(1).find('[aria-hidden]').text()).toBe('▼1');
    expect(marker(2).find('[aria-hidden]').text()).toBe('▼1');
    // Another order than the fan score's has no markers.
    expect(parsePage((await get(`${SEASON}?sort=votes`)).body)('.movement')).toHaveLength(0);
  });

  it('draws an episode’s rank over time as an SVG with a table of the same numbers', async () => {
    const $ = parsePage((await get(`${SEASON}/episodes/2`)).body);
    const chart = $('.rank-history svg');
    expect(chart.find('title').text()).toBe('Rank in season 1 over time');
    expect(chart.find('desc').text()).toContain(day(FIRST));
    expect(chart.find('path')).toHaveLength(1);
    const rows = $('.rank-history tbody tr')
      .toArray()
      .map((row) => [$(row).find('th').text(), $(row).find('td').text()]);
    expect(rows).toEqual([
      [day(FIRST), '2'],
      [day(SECOND), '1'],
    ]);
  });

  it.each([
    [addDays(TODAY, 1), 400],
    [addDays(FIRST, -1), 404],
    ['2026-02-30', 400],
    ['yesterday', 400],
    ['', 400],
  ])('answers as_of=%s with %i, as a page and as a problem document', async (asOf, status) => {
    const page = await get(`${SEASON}?as_of=${encodeURIComponent(asOf)}`);
    expect(page.statusCode).toBe(status);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const problem = await get(`/api/v1${SHOW}/ranking?as_of=${encodeURIComponent(asOf)}`);
    expect(problem.statusCode).toBe(status);
    expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('keeps the day in every ranking link of a past ranking, and takes no votes there', async () => {
    // The sort switch, the pager, and the links to the show's seasons.
    const linksOf = ($: ReturnType<typeof parsePage>) =>
      $('.sort-switch a, .pager a, .season-switch a, table.seasons a')
        .toArray()
        .map((a) => $(a).attr('href')!);
    for (const url of [`${SHOW}?sort=votes&as_of=${FIRST}`, `${SHOW}?page=2&as_of=${FIRST}`, `${SEASON}?sort=average&as_of=${FIRST}`]) {
      const $ = parsePage((await get(url)).body);
      const links = linksOf($);
      expect($('.sort-switch a'), url).toHaveLength(3);
      expect($(url.startsWith(`${SHOW}?`) ? '.pager a' : '.season-switch a').length, url).toBeGreaterThan(1);
      for (const link of links) expect(new URL(link, 'http://x').searchParams.getAll('as_of'), `${url}: ${link}`).toEqual([FIRST]);
      // Each link leads to the same day's ranking, not today's.
      for (const link of new Set(links)) expect(parsePage((await get(link)).body)('.as-of-banner').text(), link).toContain(day(FIRST));
      // The page names itself with its own day, order and page.
      expect(new URL($('link[rel=canonical]').attr('href')!).search, url).toBe(new URL(url, 'http://x').search);
      // A past ranking takes no votes, but each card keeps its numbers.
      expect($('.vote-open, .vote-form, form[action$="/rating"]'), url).toHaveLength(0);
      expect($('section.ranking-section').attr('data-return'), url).toBeUndefined();
      expect(readRanking($).length + $('.unrated li').length, url).toBeGreaterThan(0);
      for (const card of readRanking($)) expect(card.average, url).not.toBe('');
    }
    // Today's pages still link to today's rankings and offer the rating controls.
    for (const url of [SHOW, `${SHOW}?page=2`, SEASON]) {
      const $ = parsePage((await get(url)).body);
      for (const href of linksOf($)) expect(href, url).not.toContain('as_of');
      expect($('.vote-open').length, url).toBeGreaterThan(0);
    }
  });

  it('hides what comes after a spoiler horizon on a past ranking too, keeping the day and the horizon in its links', async () => {
    const url = `${SEASON}?as_of=${FIRST}&upto=1x1`;
    const $ = parsePage((await get(url)).body);
    expect($('.as-of-banner').text()).toContain(day(FIRST));
    // Episode 1 is before the horizon; episodes 2 and 3 keep their places, masked.
    expect($('.masked').length).toBeGreaterThanOrEqual(2);
    expect($('main').text()).toContain('Episode title 1');
    expect($('main').text()).not.toContain('Episode title 2');
    expect($('main').text()).not.toContain('Episode title 3');
    for (const a of $('.sort-switch a').toArray()) {
      const query = new URL($(a).attr('href')!, 'http://x').searchParams;
      expect([query.get('as_of'), query.get('upto')]).toEqual([FIRST, '1x1']);
    }
    // A horizon remembered in the cookie sends the past ranking to its `upto` address, like today's.
    const remembered = await testApp.app.inject({ method: 'GET', url: `${SEASON}?as_of=${FIRST}`, headers: { cookie: `${HORIZON_COOKIE}=history-show:1x1` } });
    expect(remembered.statusCode).toBe(302);
    expect(remembered.headers.location).toBe(`${SEASON}?as_of=${FIRST}&upto=1x1`);
  });

  it('documents as_of on both ranking routes of the API', async () => {
    const document = (await get('/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/shows/{show}/ranking', '/api/v1/shows/{show}/seasons/{season}/ranking']) {
      const parameter = document.paths[path].get.parameters.find((p: { name: string }) => p.name === 'as_of');
      expect(parameter, path).toMatchObject({ in: 'query', schema: { pattern: expect.any(String) } });
    }
  });
});
