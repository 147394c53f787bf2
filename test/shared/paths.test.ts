/**
 * src/shared/paths.ts holds both the URL builders pages link with and the route patterns the app
 * registers. These tests keep the two in step: every builder's URL is matched by Fastify's router
 * to the pattern it is meant for, and the app registers exactly the patterns listed, no route
 * outside them.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { adminPath, API_PREFIX, paths, routes, withChartTable, withUpto } from '../../src/shared/paths.js';
import { useTestApp } from '../helpers/app.js';
import { registeredRoutes } from '../helpers/routes.js';

/** A slug with characters a path must escape, so the builders' encoding is tested too. */
const SLUG = 'star trek/ü?';
const AS_OF = '2024-01-31';

type Area = keyof typeof routes;
type Expected = { [A in Area]: [A, keyof (typeof routes)[A]] }[Area];

/** Each builder (by name) with a URL it builds, and the pattern that must answer it. */
const BUILT: Record<string, [url: string, pattern: Expected]> = {
  'paths.home': [paths.home(), ['site', 'home']],
  'paths.shows': [paths.shows(2, { sort: 'votes', network: 'A&E', status: 'Ended', year: 2003 }), ['site', 'shows']],
  'paths.top': [paths.top({ list: 'votes', year: 2003, network: 'NBC', page: 2 }), ['site', 'top']],
  'paths.show': [paths.show(SLUG, 'votes', 2, AS_OF), ['site', 'show']],
  'paths.showWithHeatmap': [withChartTable(paths.showWithHeatmap(SLUG, 'average', 'votes', 2)), ['site', 'show']],
  'paths.season': [withUpto(paths.season(SLUG, 3, 'votes', 2, AS_OF), { season: 3, episode: 4 }), ['site', 'season']],
  'paths.episode': [paths.episode(SLUG, 3, 4), ['site', 'episode']],
  'paths.horizon': [paths.horizon(SLUG), ['site', 'horizon']],
  'paths.showFeed': [paths.showFeed(SLUG), ['site', 'showFeed']],
  'paths.showShareImage': [paths.showShareImage(SLUG), ['embeds', 'showShareImage']],
  'paths.seasonShareImage': [paths.seasonShareImage(SLUG, 3), ['embeds', 'seasonShareImage']],
  'paths.embedHeatmap': [paths.embedHeatmap(SLUG, 'average'), ['embeds', 'heatmap']],
  'paths.embedSeason': [paths.embedSeason(SLUG, 3), ['embeds', 'season']],
  'paths.oembed': [paths.oembed(`https://example.org${paths.season(SLUG, 3)}`), ['embeds', 'oembed']],
  'paths.accountRatings': [paths.accountRatings({ sort: 'rating', show: SLUG, page: 2 }), ['account', 'ratings']],
  'paths.accountRatingsCsv': [paths.accountRatingsCsv(), ['account', 'ratingsCsv']],
  'paths.accountRatingsJson': [paths.accountRatingsJson(), ['account', 'ratingsJson']],
  'paths.accountRatingsDelete': [paths.accountRatingsDelete(), ['account', 'ratingsDelete']],
  'paths.accountDelete': [paths.accountDelete(), ['account', 'delete']],
  'paths.accountRatingsImport': [paths.accountRatingsImport(), ['account', 'ratingsImport']],
  'paths.accountRatingsImportConfirm': [paths.accountRatingsImportConfirm(), ['account', 'ratingsImportConfirm']],
  'paths.accountJoinRatings': [paths.accountJoinRatings('/shows/kaleido-star?sort=votes', 2), ['account', 'joinRatings']],
  'paths.accountTokens': [paths.accountTokens({ revoked: true }), ['account', 'tokens']],
  'paths.accountTokenRevoke': [paths.accountTokenRevoke(7), ['account', 'tokenRevoke']],
  'paths.robots': [paths.robots(), ['site', 'robots']],
  'paths.sitemapIndex': [paths.sitemapIndex(), ['site', 'sitemapIndex']],
  'paths.sitemap': [paths.sitemap(3), ['site', 'sitemap']],
  'paths.manifest': [paths.manifest(), ['site', 'manifest']],
  'paths.howRanked': [paths.howRanked(), ['site', 'howRanked']],
  'paths.chooseLanguage': [paths.chooseLanguage('ja'), ['site', 'chooseLanguage']],
  'paths.chooseTitles': [paths.chooseTitles('romaji'), ['site', 'chooseTitles']],
  'paths.chooseCountry': [paths.chooseCountry('JP'), ['site', 'chooseCountry']],
  'paths.search': [paths.search('kaleido & star', 2), ['site', 'search']],
  'adminPath.home': [adminPath.home, ['admin', 'home']],
  'adminPath.newShow': [adminPath.newShow, ['admin', 'newShow']],
  'adminPath.show': [adminPath.show(SLUG), ['admin', 'show']],
  'adminPath.deleteShow': [adminPath.deleteShow(SLUG), ['admin', 'deleteShow']],
  'adminPath.addSeason': [adminPath.addSeason(SLUG), ['admin', 'addSeason']],
  'adminPath.deleteSeason': [adminPath.deleteSeason(SLUG, 3), ['admin', 'deleteSeason']],
  'adminPath.newEpisode': [adminPath.newEpisode(SLUG, 3), ['admin', 'newEpisode']],
  'adminPath.episode': [adminPath.episode(SLUG, 3, 4), ['admin', 'episode']],
  'adminPath.deleteEpisode': [adminPath.deleteEpisode(SLUG, 3, 4), ['admin', 'deleteEpisode']],
  'adminPath.import': [adminPath.import, ['admin', 'import']],
  'adminPath.importPending': [adminPath.importPending, ['admin', 'importPending']],
  'adminPath.audit': [adminPath.audit, ['admin', 'audit']],
  'adminPath.moderation': [adminPath.moderation, ['admin', 'moderation']],
  'adminPath.moderateEpisode': [adminPath.moderateEpisode(SLUG, 3, 4), ['admin', 'moderateEpisode']],
  'adminPath.removeVoter': [adminPath.removeVoter, ['admin', 'removeVoter']],
  'adminPath.blocks': [adminPath.blocks, ['admin', 'blocks']],
  'adminPath.liftBlock': [adminPath.liftBlock(7), ['admin', 'liftBlock']],
  'adminPath.bulkModeration': [adminPath.bulkModeration, ['admin', 'bulkModeration']],
  'adminPath.bulkForEpisode': [adminPath.bulkForEpisode(SLUG, 3, 4), ['admin', 'bulkModeration']],
  'adminPath.heldRatings': [adminPath.heldRatings, ['admin', 'heldRatings']],
  'adminPath.people': [adminPath.people, ['admin', 'people']],
  'adminPath.exportPerson': [adminPath.exportPerson, ['admin', 'exportPerson']],
  'adminPath.erasePerson': [adminPath.erasePerson, ['admin', 'erasePerson']],
  'adminPath.closeFlag': [adminPath.closeFlag(7), ['admin', 'closeFlag']],
};

/** Every pattern as a whole path: the API's under its prefix. */
const patterns = () =>
  (Object.entries(routes) as Array<[Area, Record<string, string>]>).flatMap(([area, named]) =>
    Object.entries(named).map(([name, pattern]) => ({ id: `${area}.${name}`, path: area === 'api' ? `${API_PREFIX}${pattern}` : pattern })),
  );

describe('the URL builders and the route patterns', () => {
  it('lists every builder here', () => {
    const builders = [...Object.keys(paths).map((name) => `paths.${name}`), ...Object.keys(adminPath).map((name) => `adminPath.${name}`)];
    expect(builders.filter((name) => !(name in BUILT))).toEqual([]);
  });

  it.each(Object.entries(BUILT))('%s builds a URL its pattern answers', async (_builder, [url, [area, name]]) => {
    // Fastify's own router, with every pattern: the one that answers is the one the app's route would.
    const router = Fastify();
    for (const { id, path } of patterns()) router.get(path, async () => id);
    const answer = await router.inject({ url });
    expect([url, answer.body]).toEqual([url, `${area}.${String(name)}`]);
    await router.close();
  });
});

describe('the app', () => {
  const context = useTestApp();

  it('registers every pattern of paths.ts, and no route outside them', () => {
    const registered = new Set(
      registeredRoutes(context.app)
        .filter((route) => !route.startsWith('HEAD '))
        .map((route) => route.split(' ')[1]!),
    );
    const listed = patterns().map((p) => p.path);
    expect([...registered].filter((path) => !listed.includes(path))).toEqual([]);
    // The metrics route moves to its own port when METRICS_PORT is set.
    expect(listed.filter((path) => !registered.has(path) && path !== routes.operations.metrics)).toEqual([]);
  });
});
