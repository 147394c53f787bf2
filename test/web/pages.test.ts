import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage, readRanking } from '../helpers/html.js';

/**
 * A two-season show built with factories, so each number below can be worked out by hand:
 * S1E1 ratings 10,10,9,8,8 (S 45, n 5); S1E2 baseline 40 votes summing 376; S1E3 none;
 * S2E1 ratings 3,4 (S 7, n 2). Show totals T = 428, N = 47; m = 5.
 */
const ids: Record<string, number> = {};
const context = useTestApp({
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({
      slug: 'test-show',
      title: 'Test <Show> & "Friends"',
      synopsis: 'A show for tests.',
      network: 'Test Network',
      status: 'Running',
      lastUpdated: '2025-01-31',
    });
    const one = await make.season(show.id, 1);
    const two = await make.season(show.id, 2);
    ids.s1e1 = (await make.episode(one.id, 1, { title: 'Pilot', airDate: '2020-01-05' })).id;
    ids.s1e2 = (await make.episode(one.id, 2, { title: 'Second' })).id;
    ids.s1e3 = (await make.episode(one.id, 3, { title: null })).id;
    ids.s2e1 = (await make.episode(two.id, 1, { title: 'Return', directors: ['Ann Director', 'Bo Director'] })).id;
    await make.ratings(ids.s1e1, [10, 10, 9, 8, 8]);
    await make.baseline(ids.s1e2, 40, 376);
    await make.ratings(ids.s2e1, [3, 4]);
    await make.show({ slug: 'empty-show', title: 'Empty Show' });
  },
});

async function get(url: string) {
  const response = await context.app.inject({ method: 'GET', url });
  return { response, $: parsePage(response.body) };
}

describe('home page', () => {
  it('lists the most rated shows with their best episode by fan score', async () => {
    const { response, $ } = await get('/');
    expect(response.statusCode).toBe(200);
    expect($('h1')).toHaveLength(1);
    const cards = $('li.show-card')
      .toArray()
      .map((li) => ({
        slug: $(li).attr('data-show'),
        best: $(li).find('.best-episode').text().replace(/\s+/g, ' ').trim(),
      }));
    expect(cards).toEqual([
      // Pilot: (45·47 + 5·428)/(47·10) = 4255/470 ≈ 9.05; Second: (376·47 + 2140)/(47·45) ≈ 9.37
      { slug: 'test-show', best: 'Best episode: Second (season 1, average 9.40, 40 votes)' },
      { slug: 'empty-show', best: 'No votes yet.' },
    ]);
  });
});

describe('show page', () => {
  it('shows its seasons with episode counts and season averages', async () => {
    const { response, $ } = await get('/shows/test-show');
    expect(response.statusCode).toBe(200);
    const rows = $('table.seasons tbody tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .find('th, td')
          .toArray()
          .map((c) => $(c).text()),
      );
    expect(rows).toEqual([
      ['Season 1', '3', '2', '45 votes', '9.36'], // 421 / 45 = 9.355… → 9.36
      ['Season 2', '1', '1', '2 votes', '3.50'],
    ]);
  });

  it('ranks episodes across seasons and lists the unrated apart', async () => {
    const { $ } = await get('/shows/test-show');
    expect(readRanking($).map((e) => [e.season, e.episode])).toEqual([
      [1, 2],
      [1, 1],
      [2, 1],
    ]);
    const scores = readRanking($).map((e) => e.fanScore);
    // Worked by hand: 19812/2115 = 9.367 → "9.37"; 4255/470 = 9.053 → "9.05";
    // (7·47 + 2140)/(47·7) = 2469/329 = 7.504 → "7.50".
    expect(scores).toEqual(['9.37', '9.05', '7.50']);
    expect($('ul.unrated li a').first().text()).toBe('Episode 3');
    expect(readRanking($).find((e) => e.episode === 1 && e.season === 2)?.fewVotes).toBe(true);
  });

  it('escapes catalogue text instead of letting it become markup', async () => {
    const { response, $ } = await get('/shows/test-show');
    expect(response.body).not.toContain('<Show>');
    expect(response.body).toContain('Test &lt;Show&gt; &amp; &quot;Friends&quot;');
    expect($('h1').text()).toBe('Test <Show> & "Friends"');
  });

  it('shows a show without seasons or votes without failing', async () => {
    const { response, $ } = await get('/shows/empty-show');
    expect(response.statusCode).toBe(200);
    expect($('.seasons-section .empty').text()).toBe('No seasons yet.');
    expect($('.ranking-section .empty').text()).toBe('No episode has votes yet.');
  });

  it('answers an unknown sort with 400 and an unknown show with 404', async () => {
    expect((await get('/shows/test-show?sort=best')).response.statusCode).toBe(400);
    expect((await get('/shows/nope')).response.statusCode).toBe(404);
  });
});

describe('episode page', () => {
  it('shows the histogram of the ten rating levels and the ranks in season and show', async () => {
    const { response, $ } = await get('/shows/test-show/seasons/1/episodes/1');
    expect(response.statusCode).toBe(200);
    expect($('h1').text()).toBe('Pilot');
    expect($('.episode-meta').first().text().replace(/\s+/g, ' ').trim()).toBe('Season 1 · Episode 1 · Aired January 5, 2020');
    expect($('.average-value').text()).toBe('9.00');
    const histogram = $('table.histogram tbody tr')
      .toArray()
      .map((tr) => [Number($(tr).attr('data-rating')), Number($(tr).find('.histogram-count').text())]);
    expect(histogram).toEqual([
      [10, 2],
      [9, 1],
      [8, 2],
      [7, 0],
      [6, 0],
      [5, 0],
      [4, 0],
      [3, 0],
      [2, 0],
      [1, 0],
    ]);
    expect($('.season-rank').text()).toBe('#2 of 2');
    expect($('.show-rank').text()).toBe('#2 of 3');
  });

  it('says the histogram of imported votes is unknown', async () => {
    const { $ } = await get('/shows/test-show/seasons/1/episodes/2');
    expect($('table.histogram')).toHaveLength(0);
    expect($('.histogram-section').text()).toContain('40 votes imported from elsewhere');
    expect($('.season-rank').text()).toBe('#1 of 2');
  });

  it('shows an unrated episode by its number, with directors where known', async () => {
    const unrated = await get('/shows/test-show/seasons/1/episodes/3');
    expect(unrated.$('h1').text()).toBe('Episode 3');
    expect(unrated.$('.season-rank').text()).toBe('Not yet rated');
    const withDirectors = await get('/shows/test-show/seasons/2/episodes/1');
    expect(withDirectors.$('.directors').text()).toBe('Directors: Ann Director, Bo Director');
  });
});

describe('site plumbing', () => {
  it('serves assets with a content hash and a long cache lifetime', async () => {
    const { $ } = await get('/');
    const css = $('link[rel="stylesheet"]').attr('href')!;
    expect(css).toMatch(/^\/assets\/site\.css\?v=[0-9a-f]{12}$/);
    const response = await context.app.inject({ method: 'GET', url: css });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await context.app.inject({ method: 'GET', url: '/assets/missing.css' })).statusCode).toBe(404);
  });

  it('sends security headers with every response, HSTS only over HTTPS', async () => {
    for (const url of ['/', '/nowhere', '/healthz']) {
      const { response } = await get(url);
      expect(response.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'self'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('reports health', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('gives every page exactly one h1, a main landmark and a language', async () => {
    for (const url of ['/', '/shows/test-show', '/shows/test-show/seasons/1', '/shows/test-show/seasons/1/episodes/1', '/nowhere']) {
      const { $ } = await get(url);
      expect($('h1'), url).toHaveLength(1);
      expect($('main#main'), url).toHaveLength(1);
      expect($('html').attr('lang'), url).toBe('en');
    }
  });
});
