/**
 * The spoiler horizon on episode pages: an episode after `?upto=` shows only its place (nothing of
 * its title, story or scores, in the body or the head), one at or before it renders as usual under
 * the banner, the cookie's horizon redirects to the `upto` address, and the masked and plain pages
 * are cached apart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, utcDay } from '../../src/ranking/snapshots/snapshot-day.js';
import { HORIZON_COOKIE } from '../../src/shared/spoiler-horizon.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage, type Page } from '../helpers/html.js';

const SHOW = '/shows/lantern-bay';
const episodePath = (season: number, episode: number) => `${SHOW}/seasons/${season}/episodes/${episode}`;

/** Everything that would spoil season 2's opener, each of which the masked page must leave out. */
const SECRETS = {
  title: 'Wedding at the Lighthouse',
  synopsis: 'Mara marries the keeper at dawn',
  director: 'Ada Quill',
  imdb: 'tt9990021',
};

const context = useTestApp({
  // Pages are kept long enough that a masked page stored under the plain address would be served there.
  config: { pageCacheSeconds: 3600 },
  seed: async (database) => {
    const make = factories(database.handle.db);
    const show = await make.show({ slug: 'lantern-bay', title: 'Lantern Bay' });
    const s1 = await make.season(show.id, 1);
    const s2 = await make.season(show.id, 2);
    const harbour = await make.episode(s1.id, 1, { title: 'Harbour Lights' });
    const logbook = await make.episode(s1.id, 2, { title: 'Logbook', synopsis: 'The keeper finds an old logbook.' });
    const storm = await make.episode(s1.id, 3, { title: 'Storm Warning' });
    const wedding = await make.episode(s2.id, 1, { title: SECRETS.title, synopsis: SECRETS.synopsis, directors: [SECRETS.director] });
    await make.episode(s2.id, 2, { title: 'Final Beacon' });
    for (const e of [harbour, logbook, storm, wedding]) await make.ratings(e.id, [9, 8, 7]);
    await database.handle.db
      .insertInto('episode_external_ids')
      .values([
        { episode_id: wedding.id, source: 'imdb', external_id: SECRETS.imdb },
        { episode_id: logbook.id, source: 'imdb', external_id: 'tt9990012' },
      ])
      .execute();
  },
});

const get = (url: string, cookie?: string) => context.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

/** The page's JSON-LD graph. */
function structuredData($: Page): Array<Record<string, unknown>> {
  return JSON.parse($('script[type="application/ld+json"]').text())['@graph'];
}

beforeAll(async () => {
  // Two snapshot days, so that an unmasked episode page draws its rank over time.
  const today = utcDay(new Date());
  await context.app.services.snapshots.take(addDays(today, -2));
  await context.app.services.snapshots.take(addDays(today, -1));
});

describe('an episode page after the spoiler horizon', () => {
  it('shows the show, the episode’s place and the banner, and nothing that spoils it', async () => {
    const response = await get(`${episodePath(2, 1)}?upto=1x2`);
    expect(response.statusCode).toBe(200);
    for (const secret of Object.values(SECRETS)) expect(response.body).not.toContain(secret);
    // The neighbour after the horizon is named by its place alone.
    expect(response.body).not.toContain('Storm Warning');
    const $ = parsePage(response.body);
    expect($('title').text()).toBe('Lantern Bay: Season 2, episode 1 · Epirank');
    expect($('h1').text()).toBe('Season 2, episode 1');
    expect($('.show-name a').text()).toBe('Lantern Bay');
    expect($('.masked').text()).toContain('Hidden: after S1E2');
    for (const part of ['.score', '.season-rank', '.synopsis', '.directors', '.external-links', 'form.vote-form', '.histogram-section', '.rank-history']) {
      expect($(part), part).toHaveLength(0);
    }
    // The banner, with the control that shows everything again.
    const banner = $(`form[action="${SHOW}/horizon"]`).filter((_, form) => $(form).find('input[name=clear]').length > 0);
    expect(banner.text()).toContain('Spoilers hidden after S1E2');
    expect(banner.find('button').text()).toBe('Show everything');
    expect(banner.find('input[name=return]').attr('value')).toBe(episodePath(2, 1));
    // The canonical address is the plain page; the links out keep the horizon.
    expect(new URL($('link[rel=canonical]').attr('href')!).pathname + new URL($('link[rel=canonical]').attr('href')!).search).toBe(episodePath(2, 1));
    expect($('a[rel=prev]').attr('href')).toBe(`${episodePath(1, 3)}?upto=1x2`);
    expect($('a[rel=prev]').text()).toBe('Previous: S1 E3');
    expect($('a[rel=next]').attr('href')).toBe(`${episodePath(2, 2)}?upto=1x2`);
    expect(
      $('nav.breadcrumbs a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual(['/', `${SHOW}?upto=1x2`, `${SHOW}/seasons/2?upto=1x2`]);
    const [episode, trail] = structuredData($);
    expect(episode).not.toHaveProperty('name');
    expect(episode).not.toHaveProperty('aggregateRating');
    expect(episode).toMatchObject({ '@type': 'TVEpisode', episodeNumber: 1 });
    expect(JSON.stringify(trail)).toContain('Season 2, episode 1');
  });

  it('renders an episode at the horizon in full, under the banner, keeping the horizon in its links', async () => {
    const response = await get(`${episodePath(1, 2)}?upto=1x2`);
    expect(response.statusCode).toBe(200);
    const $ = parsePage(response.body);
    expect($('title').text()).toContain('Logbook');
    expect($('h1').text()).toBe('Logbook');
    expect($('.synopsis').text()).toBe('The keeper finds an old logbook.');
    expect($('.average-value').text()).toBe('8.00');
    for (const part of ['.histogram-section', '.rank-history', 'form.vote-form', '.external-links']) expect($(part), part).toHaveLength(1);
    expect($('.masked')).toHaveLength(0);
    expect($('.horizon-banner').text()).toContain('Spoilers hidden after S1E2');
    // A vote comes back to this page with its horizon.
    expect($('form.vote-form input[name=return]').attr('value')).toBe(`${episodePath(1, 2)}?upto=1x2`);
    expect($('a[rel=prev]').text()).toBe('Previous: S1 E1 · Harbour Lights');
    expect($('a[rel=next]').attr('href')).toBe(`${episodePath(1, 3)}?upto=1x2`);
    expect($('a[rel=next]').text()).toBe('Next: S1 E3');
    expect(response.body).not.toContain('Storm Warning');
  });

  it('is unmasked at its plain address even after the masked page was cached', async () => {
    expect((await get(`${episodePath(2, 1)}?upto=1x2`)).body).not.toContain(SECRETS.title);
    const plain = parsePage((await get(episodePath(2, 1))).body);
    expect(plain('h1').text()).toBe(SECRETS.title);
    expect(plain('.synopsis').text()).toBe(SECRETS.synopsis);
    expect(plain('.horizon-banner')).toHaveLength(0);
    expect(plain('a[rel=next]').attr('href')).toBe(episodePath(2, 2));
    // And the other way round: the masked address, asked again, is still masked.
    const again = parsePage((await get(`${episodePath(2, 1)}?upto=1x2`)).body);
    expect(again('h1').text()).toBe('Season 2, episode 1');
  });

  it('shows an episode masked by one horizon in full under a later one', async () => {
    const $ = parsePage((await get(`${episodePath(2, 1)}?upto=S2E1`)).body);
    expect($('h1').text()).toBe(SECRETS.title);
    expect($('.horizon-banner').text()).toContain('Spoilers hidden after S2E1');
  });
});

describe('the horizon in the visitor’s cookie', () => {
  it('redirects the plain address to the one with upto, privately', async () => {
    const response = await get(`${episodePath(2, 1)}?held=x`, `${HORIZON_COOKIE}=lantern-bay:1x2`);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`${episodePath(2, 1)}?held=x&upto=1x2`);
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('leaves an address that names its own horizon, and other shows, alone', async () => {
    const named = await get(`${episodePath(2, 1)}?upto=2x2`, `${HORIZON_COOKIE}=lantern-bay:1x2`);
    expect(named.statusCode).toBe(200);
    expect(parsePage(named.body)('h1').text()).toBe(SECRETS.title);
    const other = await get(episodePath(2, 1), `${HORIZON_COOKIE}=another-show:1x1`);
    expect(other.statusCode).toBe(200);
    expect(parsePage(other.body)('h1').text()).toBe(SECRETS.title);
  });
});

describe('an upto that names no episode', () => {
  it('is a 400 page, never a 500 or the unmasked page', async () => {
    for (const upto of ['banana', '0x1', '2x', 'S2', '1x2x3', '']) {
      const response = await get(`${episodePath(2, 1)}?upto=${encodeURIComponent(upto)}`);
      expect(response.statusCode, upto).toBe(400);
      expect(response.headers['content-type'], upto).toContain('text/html');
      expect(response.body, upto).not.toContain(SECRETS.title);
    }
  });
});
