/**
 * The search page, the header's search form on every page, and GET /api/v1/search through
 * Fastify's inject(), on the demo catalogue: result links, scores, paging, hostile and oversized input.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({ seed: seedDemo });

describe('search page', () => {
  it('is offered on every page by a plain GET form with a labelled box', async () => {
    for (const url of ['/', '/shows/kaleido-star', '/search?q=x']) {
      const $ = parsePage((await context.app.inject({ url })).body);
      const form = $('header.site-header search form');
      expect(form.attr('action')).toBe('/search');
      expect(form.attr('method')).toBe('get');
      const input = form.find('input[name=q]');
      expect(
        $(`label[for="${input.attr('id')}"]`)
          .text()
          .trim(),
      ).toBe('Search shows and episodes');
    }
  });

  it('lists shows and episodes with links to their pages', async () => {
    const response = await context.app.inject({ url: '/search?q=Kaleïdo' });
    expect(response.statusCode).toBe(200);
    const $ = parsePage(response.body);
    expect($('ol.search-results li a').first().attr('href')).toBe('/shows/kaleido-star');
    const debut = parsePage((await context.app.inject({ url: '/search?q=debut' })).body);
    expect(debut('ol.search-results li a').first().attr('href')).toBe('/shows/kaleido-star/seasons/1/episodes/1');
    expect(debut('meta[name=robots]')).toHaveLength(0);
  });

  it('shows the scores of each result as its ranking does: the fan score and average of an episode, the mean of a show', async () => {
    const ranking = (await context.app.inject({ url: '/api/v1/shows/kaleido-star/ranking?perPage=100' })).json();
    const $ = parsePage((await context.app.inject({ url: '/search?q=kaleido' })).body);
    const show = $('ol.search-results li[data-kind=show]').first();
    expect(show.find('.show-facts').text()).toContain(`average ${ranking.showMean} · `);
    const debut = parsePage((await context.app.inject({ url: '/search?q=debut' })).body);
    const facts = debut('ol.search-results li[data-kind=episode]').first().find('.show-facts').text();
    const first = ranking.ranked.find((e: { season: number; number: number }) => e.season === 1 && e.number === 1);
    expect(first.fanScore).toMatch(/^\d+\.\d\d$/);
    expect(facts).toContain(`fan score ${first.fanScore} · average ${first.average} · ${first.votes} votes`);
  });

  it('describes itself to search engines, which may index the form and real matches but not empty or mistyped queries', async () => {
    const form = parsePage((await context.app.inject({ url: '/search' })).body);
    expect(form('meta[name=description]').attr('content')).toMatch(/\w/);
    expect(form('meta[name=robots]')).toHaveLength(0);
    const results = parsePage((await context.app.inject({ url: '/search?q=kaleido' })).body);
    expect(results('meta[name=description]').attr('content')).toMatch(/\w/);
    expect(results('meta[name=robots]')).toHaveLength(0);
    for (const thin of ['/search?q=zzqxj', '/search?q=kaleidp']) {
      expect(parsePage((await context.app.inject({ url: thin })).body)('meta[name=robots]').attr('content'), thin).toBe('noindex');
    }
  });

  it('pages the results with next and previous links', async () => {
    // "sora" (the heroine) is in more than one page of the demo's synopses.
    const all = (await context.app.inject({ url: '/api/v1/search?q=sora&perPage=50' })).json().items;
    expect(all.length).toBeGreaterThan(20);
    const first = parsePage((await context.app.inject({ url: '/search?q=sora' })).body);
    expect(first('ol.search-results li')).toHaveLength(20);
    expect(first('a[rel=prev]')).toHaveLength(0);
    expect(first('a[rel=next]').attr('href')).toBe('/search?q=sora&page=2');
    const second = parsePage((await context.app.inject({ url: '/search?q=sora&page=2' })).body);
    expect(second('ol.search-results li')).toHaveLength(all.length - 20);
    expect(second('ol.search-results li a').first().attr('href')).toBe(all[20].path);
    expect(second('a[rel=prev]').attr('href')).toBe('/search?q=sora');
    expect(second('a[rel=next]')).toHaveLength(0);
  });

  it('answers hostile text with a page, and too long a query with 400, never 500', async () => {
    for (const q of ['"', '*', 'AND', 'NEAR(', '"kaleido" OR', ':*', '\\', '%', "'"]) {
      const response = await context.app.inject({ url: `/search?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, q).toBe(200);
      const api = await context.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}` });
      expect(api.statusCode, q).toBe(200);
    }
    const long = 'a'.repeat(2000);
    expect((await context.app.inject({ url: `/search?q=${long}` })).statusCode).toBe(400);
    const api = await context.app.inject({ url: `/api/v1/search?q=${long}` });
    expect(api.statusCode).toBe(400);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await context.app.inject({ url: '/search?q=kaleido&page=0' })).statusCode).toBe(400);
  });
});

describe('GET /api/v1/search', () => {
  it('answers results with their show, numbers and page address', async () => {
    const response = await context.app.inject({ url: '/api/v1/search?q=amazing%20deb' });
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ page: 1, perPage: 20, more: false, nearMisses: false });
    // Titles come first: the episode with both words (the second begun) in its title leads.
    expect(answer.items[0]).toEqual({
      kind: 'episode',
      title: 'My Amazing Stage Debut',
      show: { slug: 'kaleido-star', title: 'Kaleido Star', network: 'TV Tokyo' },
      season: 1,
      episode: 1,
      votes: expect.any(Number),
      hidden: false,
      path: '/shows/kaleido-star/seasons/1/episodes/1',
    });
  });

  it('falls back to titles close to a mistyped word', async () => {
    const answer = (await context.app.inject({ url: '/api/v1/search?q=kaleidp' })).json();
    expect(answer.nearMisses).toBe(true);
    expect(answer.items[0]).toMatchObject({ kind: 'show', title: 'Kaleido Star' });
  });

  it('requires q', async () => {
    expect((await context.app.inject({ url: '/api/v1/search' })).statusCode).toBe(400);
  });
});
