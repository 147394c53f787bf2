/**
 * Every page a person sees, as the page screenshots (scripts/page-screenshots.ts) open it: the one
 * list of them. Each names the route pattern (src/shared/paths.ts) it covers; the routes that
 * answer a GET with something other than a page for people are named in LEFT_OUT with the reason.
 * test/scripts/page-list.test.ts checks that together they cover every GET route of the site, the
 * account, the admin side and the embeds, so a new page cannot be forgotten here.
 */
import { adminPath, paths, routes, withChartTable } from '../src/shared/paths.js';
import { HUNDRED_EPISODE_SEASON_SHOW, THOUSAND_EPISODES_SHOW } from './generated-shows.js';

/** The demo catalogue's show (src/importers/demo/kaleido-star.json). */
export const DEMO_SHOW = 'kaleido-star';

/** Who opens the page: nobody signed in, the fan (with ratings), or the admin. */
export type Viewer = 'visitor' | 'fan' | 'admin';

export interface PageShot {
  /** The file name's stem: tmp/page-shots/<name>-<width>-<scheme>.png. */
  name: string;
  /** The route pattern this page is an answer of. */
  route: string;
  /** The address opened. */
  path: string;
  as: Viewer;
  /** The status the page must answer with (an error page's own, for the error pages). */
  status: number;
  /** Typed into the header's search box before the picture, so the suggestion list is open. */
  typeInSearch?: string;
}

const visitor = (name: string, route: string, path: string, status = 200): PageShot => ({ name, route, path, as: 'visitor', status });
const fan = (name: string, route: string, path: string, status = 200): PageShot => ({ name, route, path, as: 'fan', status });
const admin = (name: string, route: string, path: string, status = 200): PageShot => ({ name, route, path, as: 'admin', status });

const { site, account, embeds } = routes;
const a = routes.admin;

export const PAGES: readonly PageShot[] = [
  // Browsing
  visitor('home', site.home, paths.home()),
  { ...visitor('search-suggestions', site.home, paths.home()), typeInSearch: 'kal' },
  visitor('shows', site.shows, paths.shows()),
  visitor('top', site.top, paths.top()),
  visitor('how-ranked', site.howRanked, paths.howRanked()),
  visitor('search', site.search, paths.search()),
  visitor('search-results', site.search, paths.search('kaleido')),
  visitor('search-no-results', site.search, paths.search('nothing like this')),
  // The demo show, its season and an episode; the heatmap's other measure and the trend chart as a table
  visitor('show', site.show, paths.show(DEMO_SHOW)),
  visitor('show-heatmap-average', site.show, paths.showWithHeatmap(DEMO_SHOW, 'average')),
  visitor('show-trend-table', site.show, withChartTable(paths.show(DEMO_SHOW))),
  visitor('season', site.season, paths.season(DEMO_SHOW, 1)),
  visitor('season-rate-open', site.season, `${paths.season(DEMO_SHOW, 1)}?rate=s1e3`),
  visitor('season-trend-table', site.season, withChartTable(paths.season(DEMO_SHOW, 1))),
  visitor('episode', site.episode, paths.episode(DEMO_SHOW, 1, 1)),
  fan('season-signed-in', site.season, paths.season(DEMO_SHOW, 1)),
  fan('episode-signed-in', site.episode, paths.episode(DEMO_SHOW, 1, 2)),
  // At scale: a 100-episode season, a 1,000-episode show
  visitor('show-100', site.show, paths.show(HUNDRED_EPISODE_SEASON_SHOW)),
  visitor('season-100', site.season, paths.season(HUNDRED_EPISODE_SEASON_SHOW, 1)),
  visitor('show-1000', site.show, paths.show(THOUSAND_EPISODES_SHOW)),
  visitor('season-1000', site.season, paths.season(THOUSAND_EPISODES_SHOW, 1)),
  // Embeds
  visitor('embed-heatmap', embeds.heatmap, paths.embedHeatmap(DEMO_SHOW)),
  visitor('embed-heatmap-average', embeds.heatmap, paths.embedHeatmap(DEMO_SHOW, 'average')),
  visitor('embed-season', embeds.season, paths.embedSeason(DEMO_SHOW, 1)),
  visitor('api-docs', site.apiDocs, '/api/v1/docs'),
  // Signing in and mailed links (a made-up token: the page that says the link does not work)
  visitor('sign-in', account.signIn, account.signIn),
  visitor('sign-up', account.signUp, account.signUp),
  visitor('forgot-password', account.forgotPassword, account.forgotPassword),
  visitor('reset-password-bad-link', account.resetPassword, `${account.resetPassword}?token=not-a-real-token`, 400),
  visitor('verify-email-bad-link', account.verifyEmail, `${account.verifyEmail}?token=not-a-real-token`, 400),
  visitor('confirm-email-bad-link', account.confirmEmail, `${account.confirmEmail}?token=not-a-real-token`, 400),
  // Error pages
  visitor('error-404', site.anyOther, '/nowhere', 404),
  visitor('error-400', site.top, '/top?year=not-a-year', 400),
  fan('error-403', a.home, adminPath.home, 403),
  // The fan's own pages
  fan('account', account.home, account.home),
  fan('account-ratings', account.ratings, paths.accountRatings()),
  fan('account-ratings-delete', account.ratingsDelete, paths.accountRatingsDelete()),
  fan('account-delete', account.delete, paths.accountDelete()),
  fan('account-ratings-import', account.ratingsImport, paths.accountRatingsImport()),
  fan('account-tokens', account.tokens, paths.accountTokens()),
  // The admin side
  admin('admin', a.home, adminPath.home),
  admin('admin-audit', a.audit, adminPath.audit),
  admin('admin-new-show', a.newShow, adminPath.newShow),
  admin('admin-show', a.show, adminPath.show(DEMO_SHOW)),
  admin('admin-delete-show', a.deleteShow, adminPath.deleteShow(DEMO_SHOW)),
  admin('admin-delete-season', a.deleteSeason, adminPath.deleteSeason(DEMO_SHOW, 1)),
  admin('admin-new-episode', a.newEpisode, adminPath.newEpisode(DEMO_SHOW, 1)),
  admin('admin-episode', a.episode, adminPath.episode(DEMO_SHOW, 1, 3)),
  admin('admin-delete-episode', a.deleteEpisode, adminPath.deleteEpisode(DEMO_SHOW, 1, 3)),
  admin('admin-import', a.import, adminPath.import),
  admin('admin-moderation', a.moderation, adminPath.moderation),
  admin('admin-moderate-episode', a.moderateEpisode, adminPath.moderateEpisode(DEMO_SHOW, 1, 3)),
  admin('admin-bulk', a.bulkModeration, adminPath.bulkModeration),
  admin('admin-bulk-episode', a.bulkModeration, adminPath.bulkForEpisode(DEMO_SHOW, 1, 3)),
  admin('admin-held', a.heldRatings, adminPath.heldRatings),
  admin('admin-people', a.people, adminPath.people),
];

/** GET routes that are no page for people, and why they have no picture. */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  [site.showFeed]: 'an Atom feed, for feed readers',
  [site.robots]: 'plain text for crawlers',
  [site.sitemapIndex]: 'XML for crawlers',
  [site.sitemap]: 'XML for crawlers',
  [site.manifest]: 'the web app manifest (JSON)',
  [site.favicon]: 'an icon',
  [site.chooseLanguage]: 'remembers the language chosen in the menu and redirects back (test/e2e/languages.test.ts)',
  [site.chooseCountry]: 'remembers the country whose watch links come first and redirects back (test/web/watch-countries.test.ts)',
  [site.chooseTitles]: 'remembers the title preference chosen in the menu and redirects back (test/web/alternate-titles.http.test.ts)',
  [site.asset]: 'stylesheets, scripts, fonts and images the pages load',
  [account.ratingsCsv]: "a download of the fan's ratings (CSV)",
  [account.ratingsJson]: "a download of the fan's ratings (JSON)",
  [account.joinRatings]: "redirects unless the browser voted anonymously before signing in; the pictures' fan never did",
  [account.ssoCallback]: 'where a single sign-on provider sends the fan back; needs a provider (test/e2e/single-sign-on.test.ts)',
  [embeds.oembed]: 'a JSON description of an embed',
  [embeds.showShareImage]: 'a PNG share image (test/web/share-image tests look at it)',
  [embeds.seasonShareImage]: 'a PNG share image (test/web/share-image tests look at it)',
};
