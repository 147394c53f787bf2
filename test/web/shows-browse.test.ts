/**
 * `/shows` browsing through Fastify's inject(): the three orders, the network and status filters
 * (in any case, offered as pickers of the values that exist) with their totals and stable links, paging of a filtered list, the first-air year kept by
 * triggers through inserts, edits, moves and deletions, and bad input answered with 400.
 */
import { describe, expect, it } from 'vitest';
import { SHOWS_PER_PAGE } from '../../src/web/site/pages/shows.page.js';
import { LIMITS } from '../../src/catalog/catalog-rules.js';
import { useTestApp } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

/** Shows with known networks, statuses, vote totals and catalogue change times. */
const SHOWS = [
  { slug: 'browse-c', title: 'Cedar', network: 'North', status: 'Running', votes: 7, updated: '2026-01-03T00:00:00.000Z' },
  { slug: 'browse-a', title: 'Aspen', network: 'North', status: 'Ended', votes: 5, updated: '2026-01-01T00:00:00.000Z' },
  { slug: 'browse-b', title: 'Birch', network: 'South', status: 'Ended', votes: 9, updated: '2026-01-05T00:00:00.000Z' },
];

async function seed(database: TestDatabase) {
  const db = database.handle.db;
  const f = factories(db);
  for (const s of SHOWS) {
    const show = await f.show({ slug: s.slug, title: s.title, network: s.network, status: s.status });
    const season = await f.season(show.id, 1);
    const episode = await f.episode(season.id, 1);
    await f.ratings(
      episode.id,
      Array.from({ length: s.votes }, () => 7),
    );
    await db.updateTable('shows').set({ updated_at: s.updated }).where('id', '=', show.id).execute();
  }
  // A long network for paging: more shows than one page holds.
  for (let i = 0; i < SHOWS_PER_PAGE + 2; i++) await f.show({ slug: `browse-long-${i}`, title: `Long ${String(i).padStart(3, '0')}`, network: 'Long' });
}

const context = useTestApp({ seed });

const listed = async (url: string) => {
  const response = await context.app.inject({ url });
  expect(response.statusCode, url).toBe(200);
  const $ = parsePage(response.body);
  return {
    $,
    slugs: $('ol.show-index li')
      .map((_, li) => $(li).attr('data-show'))
      .get(),
  };
};

describe('/shows browsing', () => {
  it('sorts A–Z, by votes and by the latest update', async () => {
    expect((await listed('/shows?status=Ended')).slugs).toEqual(['browse-a', 'browse-b']);
    expect((await listed('/shows?sort=votes&network=North')).slugs).toEqual(['browse-c', 'browse-a']);
    expect((await listed('/shows?sort=updated&network=South')).slugs).toEqual(['browse-b']);
    expect((await listed('/shows?sort=updated&status=Ended')).slugs).toEqual(['browse-b', 'browse-a']);
    expect((await listed('/shows?sort=updated&network=North')).slugs).toEqual(['browse-c', 'browse-a']);
    const byVotes = (await listed('/shows?sort=votes')).slugs;
    expect(byVotes.slice(0, 3)).toEqual(['browse-b', 'browse-c', 'browse-a']);
  });

  it('filters by network and status, with the filtered total and links that keep the filter', async () => {
    const { $, slugs } = await listed('/shows?network=North&status=Running');
    expect(slugs).toEqual(['browse-c']);
    expect($('h1').text()).toBe('Every show, A to Z on North (Running)');
    expect($('.lede').text()).toMatch(/^1 show;/);
    expect(
      $('nav.tabs a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/shows?network=North&status=Running', '/shows?sort=votes&network=North&status=Running', '/shows?sort=updated&network=North&status=Running']);
    expect($('link[rel=canonical]').attr('href')).toMatch(/\/shows\?network=North&status=Running$/);
    // Blank fields from the form are no filter.
    expect((await listed('/shows?network=&status=')).slugs.length).toBe(SHOWS_PER_PAGE);
  });

  it('pages a filtered list and refuses a page past its end', async () => {
    const first = await listed('/shows?network=Long&sort=votes');
    expect(first.slugs).toHaveLength(SHOWS_PER_PAGE);
    expect(first.$('a[rel=next]').attr('href')).toBe('/shows?sort=votes&network=Long&page=2');
    const second = await listed('/shows?sort=votes&network=Long&page=2');
    expect(second.slugs).toHaveLength(2);
    expect(new Set([...first.slugs, ...second.slugs]).size).toBe(SHOWS_PER_PAGE + 2);
    expect((await context.app.inject({ url: '/shows?network=Long&page=3' })).statusCode).toBe(404);
  });

  it('filters by the year of the first episode, kept current as episodes change', async () => {
    const db = context.database.handle.db;
    const f = factories(db);
    const show = await f.show({ slug: 'browse-years', title: 'Years', network: 'Years' });
    const one = await f.season(show.id, 1);
    const two = await f.season(show.id, 2);
    const yearOf = async () =>
      (await db.selectFrom('show_figures').select('first_air_year').where('show_id', '=', show.id).executeTakeFirstOrThrow()).first_air_year;
    expect(await yearOf()).toBeNull();
    const late = await f.episode(two.id, 1, { airDate: '2011-05-01' });
    expect(await yearOf()).toBe(2011);
    const early = await f.episode(one.id, 1, { airDate: '2009-09-09' });
    await f.episode(one.id, 2);
    expect(await yearOf()).toBe(2009);
    expect((await listed('/shows?year=2009')).slugs).toEqual(['browse-years']);
    expect((await listed('/shows?year=2011')).slugs).toEqual([]);
    // An edit that moves the earliest date later, then its deletion.
    await db.updateTable('episodes').set({ air_date: '2012-01-01' }).where('id', '=', early.id).execute();
    expect(await yearOf()).toBe(2011);
    await db.deleteFrom('episodes').where('id', '=', late.id).execute();
    expect(await yearOf()).toBe(2012);
    // A season moved to another show takes its years along; a deleted season takes them away.
    const other = await f.show({ slug: 'browse-years-other', title: 'Other years' });
    await db.updateTable('seasons').set({ show_id: other.id }).where('id', '=', one.id).execute();
    expect(await yearOf()).toBeNull();
    await db.updateTable('seasons').set({ show_id: show.id }).where('id', '=', one.id).execute();
    expect(await yearOf()).toBe(2012);
    await db.deleteFrom('seasons').where('id', '=', one.id).execute();
    expect(await yearOf()).toBeNull();
    const { $ } = await listed('/shows?year=2012&network=Years');
    expect($('h1').text()).toBe('Every show, A to Z first aired in 2012 on Years');
    expect($('.lede').text()).toBe('No show matches these filters.');
  });

  it('filters by the longest network and status a show may store', async () => {
    // A status was once refused past 50 characters, though the catalogue stores up to 100.
    const longest = (limit: number, text: string) => `${text} ${'x'.repeat(limit - text.length - 3)} ✨`;
    const network = longest(LIMITS.network, 'A network');
    const status = longest(LIMITS.status, 'On hiatus until the studio finds the tapes');
    expect([[...network].length, [...status].length]).toEqual([LIMITS.network, LIMITS.status]);
    await factories(context.database.handle.db).show({ slug: 'browse-longest', title: 'Longest', network, status });
    const query = new URLSearchParams({ network, status }).toString();
    const { $, slugs } = await listed(`/shows?${query}`);
    expect(slugs).toEqual(['browse-longest']);
    // The filters are pickers of the values that exist (issue 25): the form shows the one chosen.
    expect($('select[name=status] option[selected]').attr('value')).toBe(status);
    expect($('select[name=network] option[selected]').attr('value')).toBe(network);
  });

  it('matches a network or status in any case, headed by its stored spelling', async () => {
    expect((await listed('/shows?status=ended')).slugs).toEqual(['browse-a', 'browse-b']);
    expect((await listed('/shows?status=ENDED&sort=updated')).slugs).toEqual(['browse-b', 'browse-a']);
    expect((await listed('/shows?network=north&sort=votes')).slugs).toEqual(['browse-c', 'browse-a']);
    const { $, slugs } = await listed('/shows?network=nOrTh&status=running');
    expect(slugs).toEqual(['browse-c']);
    expect($('h1').text()).toBe('Every show, A to Z on North (Running)');
    expect($('.lede').text()).toMatch(/^1 show;/);
    expect($('select[name=network] option[selected]').attr('value')).toBe('North');
    expect($('select[name=status] option[selected]').attr('value')).toBe('Running');
  });

  it('offers the networks, statuses and years that exist as pickers', async () => {
    const db = context.database.handle.db;
    const f = factories(db);
    // Another spelling of a status already there is the same choice, as it is the same filter.
    const pick = await f.show({ slug: 'browse-pick', title: 'Pick', network: 'West', status: 'ended' });
    const season = await f.season(pick.id, 1);
    await f.episode(season.id, 1, { airDate: '1999-03-01' });
    // Written past the app's services, so its change feed did not drop the cached list: drop it here.
    context.app.services.pageCache.clear();
    const { $ } = await listed('/shows');
    const options = (name: string) =>
      $(`select[name=${name}] option`)
        .map((_, o) => $(o).attr('value'))
        .get();
    const networks = options('network');
    expect(networks.slice(0, 1)).toEqual(['']);
    for (const network of ['Long', 'North', 'South', 'West']) expect(networks).toContain(network);
    // A to Z by the folded name, each once.
    expect(networks.slice(1)).toEqual([...networks.slice(1)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(new Set(networks).size).toBe(networks.length);
    const statuses = options('status').filter((s) => ['ended', 'running'].includes(s.toLowerCase()));
    expect(statuses).toEqual(['Ended', 'Running']);
    expect(options('year')).toContain('1999');
    expect($('select[name=network] option[selected]').length).toBe(0);
    // The new show is found by the choice the picker offers and by its own spelling.
    expect((await listed('/shows?status=Ended&network=West')).slugs).toEqual(['browse-pick']);
    expect((await listed('/shows?status=ended&year=1999')).slugs).toEqual(['browse-pick']);
  });

  it('answers bad sorts and filters with 400, never 500', async () => {
    for (const query of [
      'year=12',
      'year=20x0',
      'sort=newest',
      'page=0',
      'page=abc',
      `network=${'n'.repeat(LIMITS.network + 1)}`,
      `status=${'s'.repeat(LIMITS.status + 1)}`,
    ]) {
      const response = await context.app.inject({ url: `/shows?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
    }
  });
});
