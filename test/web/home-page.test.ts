/**
 * The front page as a newcomer sees it: the most voted show opened up (its best episodes with
 * their fan scores, in the order its own ranking has them, and its seasons), the first places of
 * /top, a call to rate or sign up, and one line for the operator of a site still being set up.
 * The page stays in the shared page cache with the same Cache-Control, and a vote still changes
 * what it shows at once.
 */
import { describe, expect, it } from 'vitest';
import { sharedPageCacheControl } from '../../src/http/cache-policy.js';
import { HORIZON_COOKIE } from '../../src/shared/spoiler-horizon.js';
import { useTestApp } from '../helpers/app.js';
import { factories } from '../helpers/factories.js';
import { parsePage } from '../helpers/html.js';

/** Long enough that only an invalidation, never the lifetime, can refresh a cached page during the test. */
const PAGE_CACHE_SECONDS = 3600;

const ids = { stage: 0, orbit: 0 };

describe('the front page of a small site', () => {
  const context = useTestApp({
    config: { voteLimitPerVoter: 0, voteLimitPerIp: 0, pageCacheSeconds: PAGE_CACHE_SECONDS, topMinVotes: 1 },
    seed: async (database) => {
      const make = factories(database.handle.db);
      // The most voted show (5 votes): by fan score episode 1, then 2, then 3; episode 4 has none.
      const stage = await make.showWithSeason({ slug: 'stage', title: 'Stage', network: 'TV Tokyo' }, 4, (n) => `Act ${n}`);
      await make.season(stage.show.id, 2);
      await make.ratings(stage.episodeIds[0]!, [9, 9, 9]);
      await make.ratings(stage.episodeIds[1]!, [8]);
      await make.ratings(stage.episodeIds[2]!, [7]);
      // Fewer votes (3), but the best episode of the whole site.
      const orbit = await make.showWithSeason({ slug: 'orbit', title: 'Orbit' }, 2, (n) => `Launch ${n}`);
      await make.ratings(orbit.episodeIds[0]!, [10, 10]);
      await make.ratings(orbit.episodeIds[1]!, [5]);
      ids.stage = stage.show.id;
      ids.orbit = orbit.show.id;
    },
  });
  const home = async (headers: Record<string, string> = {}) => {
    const response = await context.app.inject({ url: '/', headers });
    expect(response.statusCode).toBe(200);
    return { response, $: parsePage(response.body) };
  };
  const places = ($: ReturnType<typeof parsePage>, section: string) =>
    $(`${section} ol.home-places li`)
      .toArray()
      .map((li) => $(li).find('.home-place-title a').text());

  it('opens up the most voted show: its best three episodes with their scores, its seasons, a link to its ranking', async () => {
    const { $ } = await home();
    const featured = $('section.home-featured');
    expect(featured.attr('data-show')).toBe('stage');
    expect(featured.find('h2 a').text()).toBe('Stage');
    expect(featured.find('h2 a').attr('href')).toBe('/shows/stage');
    expect(places($, 'section.home-featured')).toEqual(['Act 1', 'Act 2', 'Act 3']);
    // The same places and scores as the show's own ranking.
    const ranking = (await context.app.inject({ url: '/api/v1/shows/stage/ranking' })).json();
    const scores = featured
      .find('.home-place-score strong')
      .toArray()
      .map((s) => $(s).text());
    expect(scores).toEqual(ranking.ranked.slice(0, 3).map((e: { fanScore: string }) => e.fanScore));
    expect(featured.find('.home-place-votes').first().text()).toBe('3 votes');
    expect(
      featured
        .find('.home-seasons li a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual(['/shows/stage/seasons/1', '/shows/stage/seasons/2']);
    expect(featured.find('.home-seasons li').last().text()).toContain('no votes yet');
    expect(featured.find('.home-ranking-link a').attr('href')).toBe('/shows/stage');
  });

  it('lists the first places of /top over every show, and asks the visitor to rate or sign up', async () => {
    await context.app.services.topRefresher.refresh(ids.stage);
    await context.app.services.topRefresher.refresh(ids.orbit);
    context.app.services.pageCache.clear();
    const { $ } = await home();
    const top = (await context.app.services.topEpisodes.list('best', {}, 1)).entries.slice(0, 5);
    expect(top[0]!.show.slug).toBe('orbit');
    expect(places($, 'section.home-leaders')).toEqual(top.map((e) => e.title));
    expect($('section.home-leaders .home-place-where').first().text()).toBe('Orbit · season 1, episode 1');
    expect($('section.home-leaders .home-ranking-link a').attr('href')).toBe('/top');
    // Both shows are in the featured block or the list of /top: the show lists still name the second.
    expect($('section[aria-labelledby="most-rated-heading"] li.show-card').length).toBe(2);
    expect($('.home-cta a.button').attr('href')).toBe('/shows/stage');
    expect($('.home-cta a.button-secondary').attr('href')).toBe('/account/sign-up');
    // Two shows: the site is still being set up, and its operator is told where a catalogue goes in.
    expect($('.home-setting-up a').attr('href')).toBe('/admin/import');
    expect($('.home-setting-up').text()).toContain('docs/catalogue-format.md');
  });

  it('keeps its Cache-Control and its place in the page cache, and shows a vote at once', async () => {
    context.app.services.pageCache.clear();
    const first = await home();
    expect(first.response.headers['cache-control']).toBe(sharedPageCacheControl(PAGE_CACHE_SECONDS));
    expect(first.response.headers['cache-control']).toBe(`public, max-age=${PAGE_CACHE_SECONDS}`);
    const hits = context.app.services.pageCache.stats().hits;
    const again = await home();
    expect(context.app.services.pageCache.stats().hits).toBe(hits + 1);
    expect(again.response.headers.etag).toBe(first.response.headers.etag);

    // A 10 for episode 3 lifts it above episode 2 (its mean is pulled towards the show's).
    await context.app.services.votes.rate({ voter: { id: 'a:home-page', kind: 'anonymous' }, ip: '203.0.113.9' }, { show: 'stage', season: 1, episode: 3 }, 10);
    const after = await home();
    expect(places(after.$, 'section.home-featured')).toEqual(['Act 1', 'Act 3', 'Act 2']);
    expect(after.response.headers['cache-control']).toBe(`public, max-age=${PAGE_CACHE_SECONDS}`);
  });

  it('hides the featured episodes after the visitor’s spoiler horizon, and never shares that page', async () => {
    const { response, $ } = await home({ cookie: `${HORIZON_COOKIE}=stage:1x1` });
    const featured = $('section.home-featured ol.home-places li');
    expect(featured.first().find('a').text()).toBe('Act 1');
    expect(featured.eq(1).find('.masked').text()).toBe('Hidden: after S1E1');
    expect(featured.eq(1).find('.home-place-score')).toHaveLength(0);
    expect(response.body).not.toContain('Act 3');
    expect(response.headers['cache-control']).toBe('private, no-cache');
  });
});

describe('the front page of a one-show site', () => {
  const context = useTestApp({
    config: { topMinVotes: 1 },
    seed: async (database) => {
      const make = factories(database.handle.db);
      const only = await make.showWithSeason({ slug: 'solo', title: 'Solo' }, 2);
      await make.ratings(only.episodeIds[0]!, [8, 9]);
    },
  });

  it('shows the show once, opened up, without lists that would only repeat it', async () => {
    await context.app.services.topRefresher.sweep();
    context.app.services.pageCache.clear();
    const $ = parsePage((await context.app.inject({ url: '/' })).body);
    expect($('section.home-featured').attr('data-show')).toBe('solo');
    expect($('section.home-featured ol.home-places li')).toHaveLength(1);
    expect($('section.home-leaders')).toHaveLength(0);
    expect($('#most-rated-heading')).toHaveLength(0);
    expect($('.front-how')).toHaveLength(1);
  });
});

describe('the front page of a site past its first shows', () => {
  const context = useTestApp({
    seed: async (database) => {
      const make = factories(database.handle.db);
      for (let i = 0; i < 4; i++) await make.showWithSeason({}, 1);
    },
  });

  it('has no line for the operator, and a show without votes is featured with a call to be the first', async () => {
    const $ = parsePage((await context.app.inject({ url: '/' })).body);
    expect($('.home-setting-up')).toHaveLength(0);
    expect($('section.home-featured .home-no-votes').text()).toBe('No episode has votes yet: be the first to rate one.');
  });
});
