/**
 * Every URL the site builds, in one place: the public pages' (`paths`) and the admin side's
 * (`adminPath`). Routes register these paths, pages link to them, redirects and the moderation
 * webhook's links are built from them.
 */
import { DEFAULT_SORT, type SortOrder } from './sort-orders.js';
import { DEFAULT_MY_RATINGS_SORT, type MyRatingsSort } from './my-ratings-sorts.js';
import { DEFAULT_HEATMAP_MEASURE, type HeatmapMeasure } from './heatmap-measures.js';
import { DEFAULT_HEATMAP_SCALE, type HeatmapScale } from './heatmap-scales.js';
import { DEFAULT_TOP_LIST, type TopList } from './top-lists.js';
import { DEFAULT_SHOW_SORT, type ShowFilters, type ShowSort } from './show-sorts.js';
import { horizonParam, UPTO_PARAM, type Horizon } from './spoiler-horizon.js';

/** The public pages' addresses. */
export const paths = {
  home: () => '/',
  /** The show list (A–Z unless sorted otherwise); the default order, no filter and page 1 are left out. */
  shows: (page?: number, browse: { sort?: ShowSort } & ShowFilters = {}) =>
    withQuery('/shows', [
      ['sort', browse.sort === DEFAULT_SHOW_SORT ? undefined : browse.sort],
      ['network', browse.network],
      ['status', browse.status],
      ['year', browse.year],
      ['page', page === 1 ? undefined : page],
    ]),
  /** The site-wide lists: the default list, no filter and page 1 are left out. */
  top: (options: { list?: TopList; year?: number; network?: string; page?: number } = {}) =>
    withQuery('/top', [
      ['list', options.list === DEFAULT_TOP_LIST ? undefined : options.list],
      ['year', options.year],
      ['network', options.network],
      ['page', options.page === 1 ? undefined : options.page],
    ]),
  /** A show's ranking; with `asOf` (YYYY-MM-DD), as it stood that day. */
  show: (show: string, sort?: SortOrder, page?: number, asOf?: string) => withSort(`/shows/${encodeURIComponent(show)}`, sort, page, asOf),
  /** A show's page with its heatmap in the given measure and colour scale; the defaults are left out. */
  showWithHeatmap: (show: string, heatmap: HeatmapMeasure, sort?: SortOrder, page?: number, scale?: HeatmapScale) => {
    const path = withSort(`/shows/${encodeURIComponent(show)}`, sort, page);
    const query = heatmapQuery(heatmap, scale);
    return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
  },
  /** A season's ranking; with `asOf` (YYYY-MM-DD), as it stood that day. */
  season: (show: string, season: number, sort?: SortOrder, page?: number, asOf?: string) =>
    withSort(`/shows/${encodeURIComponent(show)}/seasons/${season}`, sort, page, asOf),
  episode: (show: string, season: number, episode: number) => `/shows/${encodeURIComponent(show)}/seasons/${season}/episodes/${episode}`,
  /** Where the spoiler-horizon form posts (set, or forget with `clear`) for one show. */
  horizon: (show: string) => `/shows/${encodeURIComponent(show)}/horizon`,
  /** A show's Atom feed of rank changes and newly rated episodes. */
  showFeed: (show: string) => `/shows/${encodeURIComponent(show)}/feed.atom`,
  /** The 1200×630 PNG previews (og:image) of a show's and a season's pages. */
  showShareImage: (show: string) => `/shows/${encodeURIComponent(show)}/share.png`,
  seasonShareImage: (show: string, season: number) => `/shows/${encodeURIComponent(show)}/seasons/${season}/share.png`,
  /** Pages other sites may frame: a show's heatmap (in a measure and a scale; the defaults are left out), a season's ranking. */
  embedHeatmap: (show: string, heatmap: HeatmapMeasure = DEFAULT_HEATMAP_MEASURE, scale?: HeatmapScale) => {
    const query = heatmapQuery(heatmap, scale);
    return `/embed/shows/${encodeURIComponent(show)}/heatmap${query ? `?${query}` : ''}`;
  },
  embedSeason: (show: string, season: number) => `/embed/shows/${encodeURIComponent(show)}/seasons/${season}`,
  /** The oEmbed answer describing the embed of one of our pages (an absolute URL). */
  oembed: (pageUrl: string) => `/oembed?url=${encodeURIComponent(pageUrl)}&format=json`,
  /**
   * The visitor's own ratings (/account/ratings); newest first, every show and page 1 are left out.
   * `rated` (an episode id) is where a rating changed from the list comes back to: the page says
   * what that episode's rating is now.
   */
  accountRatings: (options: { sort?: MyRatingsSort; show?: string | null; page?: number; rated?: number } = {}) =>
    withQuery('/account/ratings', [
      ['sort', options.sort === DEFAULT_MY_RATINGS_SORT ? undefined : options.sort],
      ['show', options.show ?? undefined],
      ['page', options.page === 1 ? undefined : options.page],
      ['rated', options.rated],
    ]),
  accountRatingsCsv: () => '/account/ratings.csv',
  accountRatingsJson: () => '/account/ratings.json',
  /** The confirmation pages (GET) and their forms (POST) for deleting every rating, or the account. */
  accountRatingsDelete: () => '/account/ratings/delete',
  accountDelete: () => '/account/delete',
  /** Bringing ratings from another site: the upload form (GET) and its preview (POST), then the confirmation. */
  accountRatingsImport: () => '/account/ratings/import',
  accountRatingsImportConfirm: () => '/account/ratings/import/confirm',
  /**
   * Where a fan whose browser held anonymous ratings lands after signing in, to add or leave them,
   * then goes on to `returnTo` (the account page, the default, is left out); page 1 is left out.
   */
  accountJoinRatings: (returnTo = '/account', page?: number) =>
    withQuery('/account/join-ratings', [
      ['return', returnTo === '/account' ? undefined : returnTo],
      ['page', page === 1 ? undefined : page],
    ]),
  /** Personal API tokens: the list and the form that creates one (POST), and each token's revoke form. */
  accountTokens: (options: { revoked?: boolean } = {}) => (options.revoked ? '/account/tokens?revoked=1' : '/account/tokens'),
  accountTokenRevoke: (id: number) => `/account/tokens/${id}/delete`,
  robots: () => '/robots.txt',
  /** The sitemap index, and each numbered sitemap it lists (from 1). */
  sitemapIndex: () => '/sitemap.xml',
  sitemap: (n: number) => `/sitemaps/${n}.xml`,
  manifest: () => '/manifest.webmanifest',
  /** How the rankings are made (the fan score, the sort orders, ties): linked from every ranking. */
  howRanked: () => '/how-ranked',
  /** Chooses the interface language (remembered in a cookie), then goes back to the page it was chosen on. */
  chooseLanguage: (tag: string, back?: string) => withQuery(`/language/${tag}`, [['back', back === '/' ? undefined : back]]),
  /** Chooses the country whose watch links come first (remembered in a cookie), then goes back to the page it was chosen on. */
  chooseCountry: (code: string, back?: string) => withQuery(`/country/${code}`, [['back', back === '/' ? undefined : back]]),
  /** Chooses which of a show's titles come first (remembered in a cookie), then goes back to the page it was chosen on. */
  chooseTitles: (preference: string, back?: string) => withQuery(`/titles/${preference}`, [['back', back === '/' ? undefined : back]]),
  /** Search results (without text: the page the header's form sends to); the first page has no `page`. */
  search: (text?: string, page?: number) =>
    text === undefined ? '/search' : `/search?q=${encodeURIComponent(text)}${page === undefined || page === 1 ? '' : `&page=${page}`}`,
};

/** The path with the parameters that have values, always in the order given, so each page has one address. */
function withQuery(path: string, parameters: Array<[string, string | number | undefined]>): string {
  const query = new URLSearchParams();
  for (const [name, value] of parameters) if (value !== undefined) query.set(name, String(value));
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** A heatmap's measure and colour scale as a query ("heatmap=average&scale=absolute"); the defaults are left out. */
function heatmapQuery(heatmap: HeatmapMeasure, scale: HeatmapScale = DEFAULT_HEATMAP_SCALE): string {
  return withQuery('', [
    ['heatmap', heatmap === DEFAULT_HEATMAP_MEASURE ? undefined : heatmap],
    ['scale', scale === DEFAULT_HEATMAP_SCALE ? undefined : scale],
  ]).slice(1);
}

/** The default order and the first page are left out, so each page has one address. */
function withSort(path: string, sort: SortOrder | undefined, page: number | undefined, asOf?: string): string {
  const query = [
    ...(sort === undefined || sort === DEFAULT_SORT ? [] : [`sort=${sort}`]),
    ...(page === undefined || page === 1 ? [] : [`page=${page}`]),
    ...(asOf === undefined ? [] : [`as_of=${encodeURIComponent(asOf)}`]),
  ];
  return query.length === 0 ? path : `${path}?${query.join('&')}`;
}

/**
 * A show or season page with its trend chart's numbers laid out as a table. Kept off the plain
 * page: a row per episode would add more elements than the whole rest of a season page.
 */
export function withChartTable(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}chart=table`;
}

/** A page with spoilers hidden after the horizon (`?upto=2x5`), as a link can carry it. */
export function withUpto(path: string, horizon: Horizon | null | undefined): string {
  if (!horizon) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${UPTO_PARAM}=${horizonParam(horizon)}`;
}

/** The path without any `upto` (a form's return address, say), so withUpto can add the one meant. */
export function withoutUpto(path: string): string {
  const at = path.indexOf('?');
  if (at === -1) return path;
  const kept = path
    .slice(at + 1)
    .split('&')
    .filter((part) => part !== '' && !part.startsWith(`${UPTO_PARAM}=`) && part !== UPTO_PARAM);
  return kept.length === 0 ? path.slice(0, at) : `${path.slice(0, at)}?${kept.join('&')}`;
}

/** The fragment id of an episode's entry in a ranking, so links and redirects land on it. */
export function episodeAnchor(seasonNumber: number, episodeNumber: number): string {
  return `s${seasonNumber}e${episodeNumber}`;
}

// The admin side's addresses.
const adminShow = (slug: string) => `/admin/shows/${encodeURIComponent(slug)}`;
const adminSeason = (slug: string, number: number) => `${adminShow(slug)}/seasons/${number}`;
const adminEpisode = (slug: string, seasonNumber: number, number: number) => `${adminSeason(slug, seasonNumber)}/episodes/${number}`;

export const adminPath = {
  home: '/admin',
  newShow: '/admin/shows/new',
  show: adminShow,
  deleteShow: (slug: string) => `${adminShow(slug)}/delete`,
  addSeason: (slug: string) => `${adminShow(slug)}/seasons`,
  deleteSeason: (slug: string, number: number) => `${adminSeason(slug, number)}/delete`,
  newEpisode: (slug: string, seasonNumber: number) => `${adminSeason(slug, seasonNumber)}/episodes/new`,
  episode: adminEpisode,
  deleteEpisode: (slug: string, seasonNumber: number, number: number) => `${adminEpisode(slug, seasonNumber, number)}/delete`,
  import: '/admin/import',
  /** Imports the file a dry run kept on the server. */
  importPending: '/admin/import/pending',
  audit: '/admin/audit',
  moderation: '/admin/moderation',
  moderateEpisode: (slug: string, seasonNumber: number, number: number) =>
    `/admin/moderation/shows/${encodeURIComponent(slug)}/seasons/${seasonNumber}/episodes/${number}`,
  removeVoter: '/admin/moderation/remove-voter',
  blocks: '/admin/moderation/blocks',
  liftBlock: (id: number) => `/admin/moderation/blocks/${id}/delete`,
  /** Removing or holding ratings by address, range or time window. */
  bulkModeration: '/admin/moderation/bulk',
  /** The bulk form with one episode filled in (no preview until an address or window is added). */
  bulkForEpisode: (slug: string, seasonNumber: number, number: number) =>
    `/admin/moderation/bulk?show=${encodeURIComponent(slug)}&season=${seasonNumber}&episode=${number}`,
  heldRatings: '/admin/moderation/held',
  people: '/admin/moderation/people',
  exportPerson: '/admin/moderation/people/export',
  erasePerson: '/admin/moderation/people/erase',
  /** Closes a stored flag as dismissed or resolved. */
  closeFlag: (id: number) => `/admin/moderation/flags/${id}/close`,
};

/** Where the JSON API lives; its routes below are registered under this prefix. */
export const API_PREFIX = '/api/v1';

/**
 * The route pattern of every page, form and endpoint, as Fastify registers it, by area (the folders
 * of src/web, then the API and the operators' endpoints): `app.get(routes.site.show, …)`. Beside the
 * builders above, so a URL and the code that answers it are one search apart; a test checks that
 * each builder produces a URL its pattern matches (test/shared/paths.test.ts).
 */
export const routes = {
  site: {
    home: '/',
    shows: '/shows',
    show: '/shows/:show',
    season: '/shows/:show/seasons/:season',
    episode: '/shows/:show/seasons/:season/episodes/:episode',
    /** The vote form (no-JavaScript POST, and the voting script's). */
    vote: '/shows/:show/seasons/:season/episodes/:episode/rating',
    horizon: '/shows/:show/horizon',
    showFeed: '/shows/:show/feed.atom',
    top: '/top',
    search: '/search',
    robots: '/robots.txt',
    sitemapIndex: '/sitemap.xml',
    sitemap: '/sitemaps/:file',
    manifest: '/manifest.webmanifest',
    howRanked: '/how-ranked',
    chooseLanguage: '/language/:tag',
    chooseCountry: '/country/:code',
    chooseTitles: '/titles/:preference',
    favicon: '/favicon.ico',
    asset: '/assets/:name',
    /** The API's page for people, beside the document it reads (api.openApi). */
    apiDocs: `${API_PREFIX}/docs`,
    /** Every other GET, so the site's trailing-slash redirect sees it before the 404. */
    anyOther: '/*',
  },
  account: {
    home: '/account',
    signIn: '/account/sign-in',
    signUp: '/account/sign-up',
    signOut: '/account/sign-out',
    password: '/account/password',
    ratings: '/account/ratings',
    ratingsCsv: '/account/ratings.csv',
    ratingsJson: '/account/ratings.json',
    ratingsDelete: '/account/ratings/delete',
    ratingsImport: '/account/ratings/import',
    ratingsImportConfirm: '/account/ratings/import/confirm',
    joinRatings: '/account/join-ratings',
    delete: '/account/delete',
    /** Single sign-on: the form that leaves for the provider (POST), and where the provider sends the fan back. */
    sso: '/account/sso',
    ssoCallback: '/account/sso/callback',
    /** Mailed links (src/accounts/account-links.ts builds them absolute): asking for a reset, using one. */
    forgotPassword: '/account/forgot-password',
    resetPassword: '/account/reset-password',
    verifyEmail: '/account/verify-email',
    resendVerification: '/account/verify-email/resend',
    changeEmail: '/account/email',
    confirmEmail: '/account/email/confirm',
    tokens: '/account/tokens',
    tokenRevoke: '/account/tokens/:id/delete',
  },
  admin: {
    home: '/admin',
    audit: '/admin/audit',
    newShow: '/admin/shows/new',
    show: '/admin/shows/:show',
    deleteShow: '/admin/shows/:show/delete',
    addSeason: '/admin/shows/:show/seasons',
    deleteSeason: '/admin/shows/:show/seasons/:season/delete',
    newEpisode: '/admin/shows/:show/seasons/:season/episodes/new',
    episode: '/admin/shows/:show/seasons/:season/episodes/:episode',
    deleteEpisode: '/admin/shows/:show/seasons/:season/episodes/:episode/delete',
    import: '/admin/import',
    importPending: '/admin/import/pending',
    moderation: '/admin/moderation',
    moderateEpisode: '/admin/moderation/shows/:show/seasons/:season/episodes/:episode',
    removeVoter: '/admin/moderation/remove-voter',
    blocks: '/admin/moderation/blocks',
    liftBlock: '/admin/moderation/blocks/:id/delete',
    bulkModeration: '/admin/moderation/bulk',
    heldRatings: '/admin/moderation/held',
    people: '/admin/moderation/people',
    exportPerson: '/admin/moderation/people/export',
    erasePerson: '/admin/moderation/people/erase',
    closeFlag: '/admin/moderation/flags/:id/close',
  },
  embeds: {
    heatmap: '/embed/shows/:show/heatmap',
    season: '/embed/shows/:show/seasons/:season',
    oembed: '/oembed',
    showShareImage: '/shows/:show/share.png',
    seasonShareImage: '/shows/:show/seasons/:season/share.png',
  },
  /** Relative to API_PREFIX (the API's routes are registered under it). */
  api: {
    shows: '/shows',
    show: '/shows/:show',
    seasons: '/shows/:show/seasons',
    showRanking: '/shows/:show/ranking',
    seasonRanking: '/shows/:show/seasons/:season/ranking',
    episode: '/shows/:show/seasons/:season/episodes/:episode',
    rating: '/shows/:show/seasons/:season/episodes/:episode/rating',
    search: '/search',
    top: '/top',
    /** The account a personal API token acts for, and its ratings. */
    me: '/me',
    myRatings: '/me/ratings',
    openApi: '/openapi.json',
  },
  /** For operators and their probes, outside every area. */
  operations: {
    health: '/healthz',
    live: '/healthz/live',
    ready: '/healthz/ready',
    metrics: '/metrics',
  },
} as const;
