/**
 * `/top` and `GET /api/v1/top` through Fastify's inject(), on the demo catalogue: the lists and
 * their tabs, the stated minimum of votes and refresh time, stable links, the header's link, the
 * API's answer matching the page, and bad filters answered with 400, never 500.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';
import { HORIZON_COOKIE } from '../../src/shared/spoiler-horizon.js';

const context = useTestApp({ seed: seedDemo, config: { topMinVotes: 5 } });

beforeAll(async () => {
  await context.app.services.topRefresher.sweep();
});

describe('/top', () => {
  it('lists the best episodes with the minimum of votes and the refresh time stated', async () => {
    const response = await context.app.inject({ url: '/top' });
    expect(response.statusCode).toBe(200);
    const $ = parsePage(response.body);
    expect($('h1').text()).toBe('The best episodes');
    expect($('.lede').text()).toContain('at least 5 votes');
    expect($('.top-freshness').text()).toMatch(/^Scores as of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$/);
    const items = $('ol.top-list li');
    expect(items.length).toBeGreaterThan(3);
    const first = items.first();
    expect(first.find('a').first().attr('href')).toMatch(/^\/shows\/kaleido-star\/seasons\/1\/episodes\/\d+$/);
    expect($('nav.tabs a[aria-current=page]').text()).toBe('Best');
    expect(
      $('nav.tabs a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/top', '/top?list=votes', '/top?list=divisive']);
    expect($('link[rel=canonical]').attr('href')).toMatch(/\/top$/);
  });

  it('masks in place the episodes after the spoiler horizon the visitor set for their show', async () => {
    const entries = async (cookie?: string) => {
      const $ = parsePage((await context.app.inject({ url: '/top', headers: cookie ? { cookie } : {} })).body);
      return $('ol.top-list li')
        .toArray()
        .map((li) => ({
          place: $(li).attr('data-episode')!,
          text: $(li).text(),
          masked: $(li).find('.masked').length > 0,
          href: $(li).find('a').first().attr('href'),
        }));
    };
    const plain = await entries();
    const masked = await entries(`${HORIZON_COOKIE}=kaleido-star:1x5`);
    // The same places in the same order, with nothing after S1E5 named or scored.
    expect(masked.map((e) => e.place)).toEqual(plain.map((e) => e.place));
    const later = masked.filter((e) => Number(e.place.split('/')[2]) > 5);
    expect(later.length).toBeGreaterThan(0);
    for (const entry of later) {
      expect(entry.masked).toBe(true);
      expect(entry.text).toContain('Hidden: after S1E5');
      expect(entry.text).not.toContain('fan score');
      const unmasked = plain.find((e) => e.place === entry.place)!;
      const title = parsePage(`<p>${unmasked.text}</p>`)('p').text().split(' Kaleido Star')[0]!;
      expect(entry.text).not.toContain(title);
      expect(entry.href).toMatch(/\?upto=1x5$/);
    }
    for (const entry of masked.filter((e) => Number(e.place.split('/')[2]) <= 5)) expect(entry.masked).toBe(false);
    expect(plain.some((e) => e.masked)).toBe(false);
  });

  it('shows the same entries, in the same order, as the API', async () => {
    const api = await context.app.inject({ url: '/api/v1/top?list=votes' });
    expect(api.statusCode).toBe(200);
    const answer = api.json();
    expect(answer.list).toBe('votes');
    expect(answer.minVotes).toBe(5);
    expect(answer.refreshedAt).toMatch(/Z$/);
    const votes = answer.items.map((i: { votes: number }) => i.votes);
    expect(votes.every((v: number) => v >= 5)).toBe(true);
    expect(votes).toEqual([...votes].sort((a: number, b: number) => b - a));
    const $ = parsePage((await context.app.inject({ url: '/top?list=votes' })).body);
    expect(
      $('ol.top-list li > a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(answer.items.map((i: { path: string }) => i.path));
  });

  it('treats blank filters from the form as none and keeps filters in its links', async () => {
    const blank = await context.app.inject({ url: '/top?list=votes&year=&network=' });
    expect(blank.statusCode).toBe(200);
    expect(parsePage(blank.body)('link[rel=canonical]').attr('href')).toMatch(/\/top\?list=votes$/);
    const filtered = parsePage((await context.app.inject({ url: '/top?year=1999&network=Nowhere' })).body);
    expect(filtered('h1').text()).toBe('The best episodes aired in 1999, on Nowhere');
    expect(filtered('.empty').text()).toContain('No episode');
    expect(filtered('nav.tabs a').eq(1).attr('href')).toBe('/top?list=votes&year=1999&network=Nowhere');
  });

  it('matches a network in any case and offers the networks and years the lists hold as pickers', async () => {
    const exact = parsePage((await context.app.inject({ url: '/top?network=TV%20Tokyo' })).body);
    const entries = ($: typeof exact) =>
      $('ol.top-list li')
        .map((_, li) => $(li).attr('data-episode'))
        .get();
    expect(entries(exact).length).toBeGreaterThan(3);
    const folded = parsePage((await context.app.inject({ url: '/top?network=tv%20TOKYO' })).body);
    expect(entries(folded)).toEqual(entries(exact));
    expect(folded('h1').text()).toBe('The best episodes on TV Tokyo');
    expect(folded('select[name=network] option[selected]').attr('value')).toBe('TV Tokyo');
    const options = (name: string) =>
      folded(`select[name=${name}] option`)
        .map((_, o) => folded(o).attr('value'))
        .get();
    expect(options('network')).toEqual(['', 'TV Tokyo']);
    expect(options('year')).toEqual(['', '2003']);
    // A value no choice spells stays chosen, so the form says what the list is filtered by.
    const nowhere = parsePage((await context.app.inject({ url: '/top?network=Nowhere' })).body);
    expect(nowhere('select[name=network] option[selected]').attr('value')).toBe('Nowhere');
  });

  it('is linked from the header of every page', async () => {
    for (const url of ['/', '/shows', '/top']) {
      const $ = parsePage((await context.app.inject({ url })).body);
      expect($('header.site-header nav a[href="/top"]').text()).toBe('Top episodes');
    }
  });

  it('answers bad filters with 400, as a page and as a problem document', async () => {
    for (const query of ['list=worst', 'year=99', 'year=20x3', 'page=0', 'page=201', 'page=x', `network=${'n'.repeat(201)}`]) {
      const page = await context.app.inject({ url: `/top?${query}` });
      expect(page.statusCode, query).toBe(400);
      expect(page.headers['content-type']).toContain('text/html');
      const api = await context.app.inject({ url: `/api/v1/top?${query}` });
      expect(api.statusCode, query).toBe(400);
      expect(api.headers['content-type']).toContain('application/problem+json');
    }
    const pastEnd = await context.app.inject({ url: '/top?page=50' });
    expect(pastEnd.statusCode).toBe(404);
  });
});
