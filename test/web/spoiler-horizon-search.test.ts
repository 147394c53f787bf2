/**
 * The spoiler horizons of the visitor's cookie in search results: an episode after its show's
 * horizon keeps its place in the list, named only by its place and linking to its masked page;
 * other shows' episodes, earlier episodes and show results are as without a horizon, and `?upto=`
 * (one show's horizon) changes nothing here.
 */
import { describe, expect, it } from 'vitest';
import { HORIZON_COOKIE } from '../../src/shared/spoiler-horizon.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

const context = useTestApp({
  seed: async (database) => {
    const make = factories(database.handle.db);
    const bay = await make.show({ slug: 'lantern-bay', title: 'Lantern Bay' });
    const bay1 = await make.season(bay.id, 1);
    const bay2 = await make.season(bay.id, 2);
    await make.ratings((await make.episode(bay1.id, 1, { title: 'Beacon Lit' })).id, [8, 8]);
    await make.ratings((await make.episode(bay1.id, 2, { title: 'Beacon Dimmed' })).id, [7, 7, 7]);
    await make.ratings((await make.episode(bay2.id, 1, { title: 'Quiet Harbour', synopsis: 'The beacon falls into the sea.' })).id, [9]);
    const coast = await make.show({ slug: 'far-coast', title: 'Far Coast' });
    await make.episode((await make.season(coast.id, 2)).id, 4, { title: 'Beacon Abroad' });
    await make.show({ slug: 'beacon-street', title: 'Beacon Street' });
  },
});

const search = (url: string, cookie?: string) => context.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

/** Each result as the list shows it: its link, its text and whether it is masked. */
async function results(url: string, cookie?: string) {
  const response = await search(url, cookie);
  expect(response.statusCode).toBe(200);
  const $ = parsePage(response.body);
  const items = $('ol.search-results > li')
    .toArray()
    .map((li) => ({
      href: $(li).find('a').attr('href'),
      text: $(li).text().replace(/\s+/g, ' ').trim(),
      masked: $(li).find('.masked').length > 0,
    }));
  return { items, body: response.body, byHref: (href: string) => items.find((item) => item.href === href) };
}

describe('search results under a spoiler horizon', () => {
  it('masks only the later episodes of the show whose horizon the cookie holds', async () => {
    const { items, body, byHref } = await results('/search?q=beacon', `${HORIZON_COOKIE}=lantern-bay:1x1`);
    expect(items).toHaveLength(5);
    expect(body).not.toContain('Beacon Dimmed');
    expect(body).not.toContain('Quiet Harbour');
    // Masked in place: the show and the numbers, no title and no vote count.
    expect(byHref('/shows/lantern-bay/seasons/1/episodes/2?upto=1x1')).toEqual({
      href: '/shows/lantern-bay/seasons/1/episodes/2?upto=1x1',
      text: 'Lantern Bay, season 1, episode 2 Hidden: after S1E1',
      masked: true,
    });
    expect(byHref('/shows/lantern-bay/seasons/2/episodes/1?upto=1x1')).toMatchObject({
      masked: true,
      text: 'Lantern Bay, season 2, episode 1 Hidden: after S1E1',
    });
    // At the horizon: in full, linking straight to the page with the horizon.
    expect(byHref('/shows/lantern-bay/seasons/1/episodes/1?upto=1x1')).toMatchObject({
      masked: false,
      // Search results show the scores beside the votes (issue 25); masked ones above show neither.
      text: expect.stringMatching(/^Beacon Lit Lantern Bay, season 1, episode 1 · fan score \d+\.\d{2} · average \d+\.\d{2} · 2 votes$/),
    });
    // Another show's episode, and the show result, as ever.
    expect(byHref('/shows/far-coast/seasons/2/episodes/4')).toMatchObject({ masked: false, text: expect.stringContaining('Beacon Abroad') });
    expect(byHref('/shows/beacon-street')).toMatchObject({ masked: false, text: expect.stringContaining('Beacon Street') });
  });

  it('masks each show by its own horizon', async () => {
    const { byHref } = await results('/search?q=beacon', `${HORIZON_COOKIE}=far-coast:2x3|lantern-bay:2x1`);
    expect(byHref('/shows/far-coast/seasons/2/episodes/4?upto=2x3')).toMatchObject({ masked: true });
    expect(byHref('/shows/lantern-bay/seasons/1/episodes/2?upto=2x1')).toMatchObject({ masked: false, text: expect.stringContaining('Beacon Dimmed') });
    expect(byHref('/shows/lantern-bay/seasons/2/episodes/1?upto=2x1')).toMatchObject({ masked: false, text: expect.stringContaining('Quiet Harbour') });
  });

  it('shows everything without a horizon, whatever ?upto= says', async () => {
    for (const url of ['/search?q=beacon', '/search?q=beacon&upto=1x1', '/search?q=beacon&upto=banana']) {
      const { items, body } = await results(url);
      expect(
        items.filter((item) => item.masked),
        url,
      ).toEqual([]);
      expect(
        items.every((item) => !item.href?.includes('upto')),
        url,
      ).toBe(true);
      for (const title of ['Beacon Lit', 'Beacon Dimmed', 'Quiet Harbour', 'Beacon Abroad']) expect(body, url).toContain(title);
    }
  });
});

describe('the search API (the header suggestions) under a spoiler horizon', () => {
  it('masks the same episodes for the reader whose cookie holds the horizon, and tells shared caches to keep none of it', async () => {
    const masked = await search('/api/v1/search?q=beacon', `${HORIZON_COOKIE}=lantern-bay:1x1`);
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['cache-control']).toBe('private, no-store');
    expect(masked.body).not.toContain('Beacon Dimmed');
    expect(masked.body).not.toContain('Quiet Harbour');
    const items = masked.json().items as Array<{ title: string; path: string; votes: number | null; hidden: boolean }>;
    expect(items.find((item) => item.path === '/shows/lantern-bay/seasons/1/episodes/2?upto=1x1')).toMatchObject({
      title: 'Hidden: after S1E1',
      votes: null,
      hidden: true,
    });
    expect(items.find((item) => item.path === '/shows/lantern-bay/seasons/1/episodes/1?upto=1x1')).toMatchObject({
      title: 'Beacon Lit',
      votes: 2,
      hidden: false,
    });
    expect(items.find((item) => item.path === '/shows/far-coast/seasons/2/episodes/4')).toMatchObject({ title: 'Beacon Abroad', hidden: false });

    const plain = await search('/api/v1/search?q=beacon');
    expect(plain.headers['cache-control']).toMatch(/^public/);
    expect((plain.json().items as Array<{ hidden: boolean }>).every((item) => !item.hidden)).toBe(true);
    expect(plain.body).toContain('Quiet Harbour');
  });
});

describe('the home page under a spoiler horizon', () => {
  it('names no best episode after the horizon the visitor set for its show, and keeps the shared page whole', async () => {
    const home = async (cookie?: string) => parsePage((await context.app.inject({ url: '/', headers: cookie ? { cookie } : {} })).body);
    const plain = await home();
    const card = plain('li.show-card[data-show="lantern-bay"]').first();
    const link = card.find('.best-episode a');
    const [, season, episode] = /seasons\/(\d+)\/episodes\/(\d+)$/.exec(link.attr('href')!)!.map(Number) as [number, number, number];
    const title = link.text();
    // The horizon just before the best episode (the seed makes S2E1 the best, so there is one).
    expect(season > 1 || episode > 1).toBe(true);
    const horizon = episode > 1 ? `${season}x${episode - 1}` : `${season - 1}x999`;
    const masked = await home(`${HORIZON_COOKIE}=lantern-bay:${horizon}`);
    const best = masked('li.show-card[data-show="lantern-bay"]').first().find('.best-episode');
    expect(best.find('.masked').text()).toMatch(/^Hidden: after S\d+E\d+$/);
    expect(best.text()).not.toContain(title);
    expect(masked('body').text()).not.toContain(title);
    // A horizon at the best episode names it; the page everyone else gets still does.
    const at = await home(`${HORIZON_COOKIE}=lantern-bay:${season}x${episode}`);
    expect(at('li.show-card[data-show="lantern-bay"] .best-episode a').first().text()).toBe(title);
    expect((await home())('li.show-card[data-show="lantern-bay"] .best-episode a').first().text()).toBe(title);
  });
});
