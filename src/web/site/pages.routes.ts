/**
 * The public pages: home, the show list, and each show's, season's and episode's page.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ADMIN_ROLES } from '../../accounts/admin-roles.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { NotFoundError } from '../../shared/errors.js';
import { absoluteUrl, siteBase } from '../ui/send-page.js';
import { DEFAULT_SORT, SORT_ORDERS, type SortOrder } from '../../shared/sort-orders.js';
import { DEFAULT_HEATMAP_MEASURE } from '../../shared/heatmap-measures.js';
import { DEFAULT_SHOW_SORT, SHOW_SORTS, type ShowFilters } from '../../shared/show-sorts.js';
import { readVoter } from '../../http/voter-cookie.js';
import { readHorizons } from '../../http/horizon-cookie.js';
import type { VoterRef } from '../../votes/votes.repository.js';
import { CHOOSE_RATING_PARAM, HELD_PARAM, RATE_PARAM } from '../ui/components/vote-form.js';
import { renderDocument, type Html } from '../ui/jsx.js';
import { CachedResponder } from '../../http/cached-responder.js';
import { sharedPageCacheControl } from '../../http/cache-policy.js';
import { EpisodePage } from './pages/episode.page.js';
import { FEATURED_PLACES, FRONT_PAGE_LEADERS, FRONT_PAGE_SHOWS, HomePage } from './pages/home.page.js';
import { SeasonPage } from './pages/season.page.js';
import { ShowPage } from './pages/show.page.js';
import { showPageCount, ShowsPage, SHOWS_PER_PAGE } from './pages/shows.page.js';
import { t } from '../../i18n/translate.js';
import { paths, withChartTable, withUpto, routes } from '../../shared/paths.js';
import { SEASON_RANKING_PER_PAGE, SHOW_RANKING_PER_PAGE } from '../../shared/ranking-pages.js';
import { sendRankingAsOf } from './as-of.js';
import { horizonOfPage, UptoQuery } from './horizon.js';
import { type Horizon, UPTO_PARAM } from '../../shared/spoiler-horizon.js';
import { EpisodeParams, HeatmapQuery, PageNumber, SeasonParams, ShowParams } from '../../http/schemas.js';
import { LIMITS } from '../../catalog/catalog-rules.js';

// Any text is accepted: a value that names no episode on the page just shows no message.
const ChooseRating = Type.Optional(Type.String({ maxLength: 32 }));
const SortQuery = Type.Object({
  sort: Type.Optional(Type.Enum([...SORT_ORDERS])),
  page: Type.Optional(PageNumber),
  [CHOOSE_RATING_PARAM]: ChooseRating,
  [RATE_PARAM]: ChooseRating,
  [HELD_PARAM]: ChooseRating,
  // Checked by the snapshots service, whose message says what a day looks like.
  as_of: Type.Optional(Type.String({ maxLength: 32 })),
  // The trend chart's numbers as a table (withChartTable).
  chart: Type.Optional(Type.Literal('table')),
  [UPTO_PARAM]: UptoQuery,
});
// The show page's query adds what its heatmap shows.
const ShowQuery = Type.Object({ ...SortQuery.properties, ...HeatmapQuery.properties });
const EpisodeQuery = Type.Object({ [CHOOSE_RATING_PARAM]: ChooseRating, [HELD_PARAM]: ChooseRating, [UPTO_PARAM]: UptoQuery });
// A blank network or status (the filter form sends both fields) means no filter. Any network or
// status a show may store can be asked for, in any case: the limits are the catalogue's.
const ShowsQuery = Type.Object({
  page: Type.Optional(PageNumber),
  sort: Type.Optional(Type.Enum([...SHOW_SORTS])),
  network: Type.Optional(Type.String({ maxLength: LIMITS.network })),
  status: Type.Optional(Type.String({ maxLength: LIMITS.status })),
  year: Type.Optional(Type.String({ pattern: '^([12][0-9]{3})?$' })),
});

type RankingQuery = Static<typeof SortQuery>;

/** What a ranking page's query asks for, with its defaults. */
function rankingRequest(query: RankingQuery) {
  return {
    sort: query.sort ?? DEFAULT_SORT,
    page: query.page ?? 1,
    chooseRating: query[CHOOSE_RATING_PARAM],
    open: query[RATE_PARAM],
    held: query[HELD_PARAM],
  };
}

/** A ranking page's request, read: the query's choices with their defaults, the horizon, and the page's own address. */
type AskedRanking = ReturnType<typeof rankingRequest> & { horizon: Horizon | null; chartTable: boolean; canonical: string };

interface Rendered {
  page: Html;
  /** The show the page is about, for cache invalidation; null for pages about every show. */
  showId: number | null;
}

/** The public HTML pages. Each route validates, asks one service method, and renders. */
export async function webRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings, votes, pageCache } = app.services;
  /**
   * The score without a flagged window: for moderators, and for everyone with PUBLIC_FLAGGED_SCORES.
   * A moderator is signed in, and signed-in pages never enter the shared page cache.
   */
  const flaggedScoreFor = async (request: FastifyRequest, episodeId: number) =>
    app.config.publicFlaggedScores || (request.user && ADMIN_ROLES.includes(request.user.role)) ? app.services.moderation.flaggedScore(episodeId) : null;
  const url = (request: FastifyRequest, path: string) => absoluteUrl(request, app.config.publicUrl, path);
  /** The voter's own ratings of every episode a ranking page lists. */
  const ratingsOnPage = (voter: VoterRef | null, ranking: { ranked: Array<{ id: number }>; unrated: Array<{ id: number }> }) =>
    votes.ratingsOf(
      voter,
      [...ranking.ranked, ...ranking.unrated].map((e) => e.id),
    );

  /** Movement since a week ago is by fan score: a ranking in another order shows none. */
  const movementsOn = (showId: number, seasonId: number | null, ranking: { sort: string; ranked: Array<{ id: number; rank: number }> }) =>
    ranking.sort === 'score' ? app.services.snapshots.movements(showId, seasonId, ranking.ranked) : Promise.resolve(undefined);

  const pages = new CachedResponder(pageCache, {
    type: 'text/html; charset=utf-8',
    cacheControl: sharedPageCacheControl(app.config.pageCacheSeconds),
    compressible: true,
    variesByCookie: true,
  });

  /**
   * Visitors without a voter cookie all get the same HTML, so it is cached under the page's
   * canonical path; a voter's page carries their own ratings and is always built fresh.
   */
  async function respond(
    request: FastifyRequest,
    reply: FastifyReply,
    canonical: string,
    build: (voter: VoterRef | null) => Promise<Rendered>,
    personal = false,
  ) {
    const voter = readVoter(request);
    // Keyed on the path alone (canonical is always base + path): the Host header must not add entries.
    const base = siteBase(request, app.config.publicUrl);
    return pages.send(request, reply, {
      key: canonical.slice(base.length),
      base,
      // A page made for one visitor (a message or an open rating control from CHOOSE_RATING_PARAM,
      // RATE_PARAM or HELD_PARAM, their spoiler horizons) is built fresh, like a voter's.
      personal: voter !== null || personal,
      render: async () => {
        const { page, showId } = await build(voter);
        return { body: Buffer.from(renderDocument(page)), owner: showId };
      },
    });
  }

  /** What the front page shows: a bounded read of the stored figures, one show's standings and the first places of /top. */
  const frontPage = async () => {
    const [front, leaders] = await Promise.all([rankings.home(FRONT_PAGE_SHOWS, FEATURED_PLACES), app.services.topEpisodes.leaders(FRONT_PAGE_LEADERS)]);
    return { front, leaders };
  };

  app.get(routes.site.home, async (request, reply) => {
    // Each show card names its best episode: masked after the visitor's horizon for that show,
    // which makes the page theirs alone.
    const horizons = readHorizons(request);
    return respond(
      request,
      reply,
      url(request, paths.home()),
      async () => ({
        page: HomePage({
          ...(await frontPage()),
          url: url(request, paths.home()),
          user: request.user,
          horizons,
        }),
        showId: null,
      }),
      horizons.size > 0,
    );
  });

  /**
   * A show's or a season's ranking page: its spoiler horizon (a remembered one redirects), the
   * ranking as of a past day, or the live page, cached under the address asked for: with a horizon
   * it is another page than the canonical one.
   */
  async function sendRanking(
    request: FastifyRequest,
    reply: FastifyReply,
    query: RankingQuery,
    where: { show: string; season?: number },
    pathOf: (sort: SortOrder, page: number) => string,
    build: (voter: VoterRef | null, asked: AskedRanking) => Promise<Rendered>,
  ) {
    const { sort, page, chooseRating, open, held } = rankingRequest(query);
    const pageHorizon = horizonOfPage(request, reply, where.show, query[UPTO_PARAM]);
    if (pageHorizon.redirected) return pageHorizon.redirected;
    const { horizon } = pageHorizon;
    if (query.as_of !== undefined) return sendRankingAsOf(app, request, reply, { ...where, sort, page, horizon }, query.as_of);
    const chartTable = query.chart === 'table';
    const path = pathOf(sort, page);
    const canonical = url(request, chartTable ? withChartTable(path) : path);
    const asked = { sort, page, chooseRating, open, held, horizon, chartTable, canonical };
    return respond(request, reply, withUpto(canonical, horizon), (voter) => build(voter, asked), (chooseRating ?? open ?? held) !== undefined);
  }

  app.get(routes.site.show, { schema: { params: ShowParams, querystring: ShowQuery } }, async (request, reply) => {
    const { show } = request.params;
    const heatmap = request.query.heatmap ?? DEFAULT_HEATMAP_MEASURE;
    const heatmapScale = request.query.scale;
    return sendRanking(
      request,
      reply,
      request.query,
      { show },
      (sort, page) => paths.showWithHeatmap(show, heatmap, sort, page, heatmapScale),
      async (voter, { sort, page, canonical, ...asked }) => {
        const data = await rankings.show(show, sort, { page, perPage: SHOW_RANKING_PER_PAGE });
        const [yourRatings, movements, externalIds] = await Promise.all([
          ratingsOnPage(voter, data.ranking),
          movementsOn(data.show.id, null, data.ranking),
          app.services.externalIds.ofShow(data.show.id),
        ]);
        return {
          page: ShowPage({ ...asked, data, url: canonical, yourRatings, heatmap, heatmapScale, user: request.user, movements, externalIds }),
          showId: data.show.id,
        };
      },
    );
  });

  app.get(routes.site.season, { schema: { params: SeasonParams, querystring: SortQuery } }, async (request, reply) => {
    const { show, season } = request.params;
    return sendRanking(
      request,
      reply,
      request.query,
      { show, season },
      (sort, page) => paths.season(show, season, sort, page),
      async (voter, { sort, page, canonical, ...asked }) => {
        const data = await rankings.season(show, season, sort, { page, perPage: SEASON_RANKING_PER_PAGE });
        const [yourRatings, movements] = await Promise.all([ratingsOnPage(voter, data.ranking), movementsOn(data.show.id, data.season.id, data.ranking)]);
        return { page: SeasonPage({ ...asked, data, url: canonical, yourRatings, user: request.user, movements }), showId: data.show.id };
      },
    );
  });

  app.get(routes.site.episode, { schema: { params: EpisodeParams, querystring: EpisodeQuery } }, async (request, reply) => {
    const { show, season, episode } = request.params;
    const pageHorizon = horizonOfPage(request, reply, show, request.query[UPTO_PARAM]);
    if (pageHorizon.redirected) return pageHorizon.redirected;
    const { horizon } = pageHorizon;
    const path = paths.episode(show, season, episode);
    // The page links to its plain address as canonical, but is cached under the one it was asked
    // for: with a horizon it is another page.
    const canonical = url(request, path);
    const chooseRating = request.query[CHOOSE_RATING_PARAM];
    const held = request.query[HELD_PARAM];
    return respond(
      request,
      reply,
      url(request, withUpto(path, horizon)),
      async (voter) => {
        const data = await rankings.episode(show, season, episode);
        const [yourRatings, heldForReview, rankHistory, externalIds] = await Promise.all([
          votes.ratingsOf(voter, [data.episode.id]),
          votes.heldCount(data.episode.id),
          app.services.snapshots.rankHistory(data.show.id, data.episode.seasonId, data.episode.id),
          app.services.externalIds.ofEpisode(data.episode.id),
        ]);
        return {
          page: EpisodePage({
            data,
            url: canonical,
            yourRatings,
            chooseRating,
            held,
            heldForReview,
            flagged: await flaggedScoreFor(request, data.episode.id),
            user: request.user,
            rankHistory,
            externalIds,
            horizon,
          }),
          showId: data.show.id,
        };
      },
      (chooseRating ?? held) !== undefined,
    );
  });

  // Every show, A to Z or sorted, maybe filtered; a page past the last is not found (an empty list still has page 1).
  app.get(routes.site.shows, { schema: { querystring: ShowsQuery } }, async (request, reply) => {
    const page = request.query.page ?? 1;
    const sort = request.query.sort ?? DEFAULT_SHOW_SORT;
    const filters: ShowFilters = {};
    if (request.query.network) filters.network = request.query.network;
    if (request.query.status) filters.status = request.query.status;
    if (request.query.year) filters.year = Number(request.query.year);
    const canonical = url(request, paths.shows(page, { sort, ...filters }));
    return respond(request, reply, canonical, async () => {
      const [{ items, total }, choices] = await Promise.all([
        app.services.showBrowser.browse(sort, filters, page, SHOWS_PER_PAGE),
        app.services.filterChoices.forShows(),
      ]);
      const pageCount = showPageCount(total);
      if (page > pageCount) {
        throw new NotFoundError(t('ranking.showsPastEnd', { pages: pageCount, page }));
      }
      return { page: ShowsPage({ shows: items, sort, filters, choices, page, total, url: canonical, user: request.user }), showId: null };
    });
  });

  // Every GET that no route matches comes here, so that the hook below sees it too; whatever the
  // hook does not redirect is the ordinary 404.
  app.get(routes.site.anyOther, { schema: { hide: true } }, async (_request, reply) => reply.callNotFound());

  // An address with a trailing slash goes to its canonical form. A hook rather than a route: the
  // pages' routes also match some of them ("/shows/" is "/shows/:show" with an empty slug).
  app.addHook('onRequest', async (request, reply) => {
    const canonical = withoutTrailingSlash(request.url);
    if (canonical !== null) return reply.redirect(canonical, 301);
  });
}

/**
 * "/shows/x/?sort=votes" → "/shows/x?sort=votes"; null when the path has no trailing slash, or when
 * the answer could be read as another site or path ("//evil.example", "/\evil", "/./"): only plain
 * segments of visible ASCII without backslashes are sent back.
 */
export function withoutTrailingSlash(url: string): string | null {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : url.slice(queryStart);
  if (path.length < 2 || !path.endsWith('/')) return null;
  const trimmed = path.replace(/\/+$/, '');
  const segments = trimmed.split('/').slice(1);
  const plain = segments.length > 0 && segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\'));
  return plain && /^[\x21-\x7e]*$/.test(trimmed + query) ? trimmed + query : null;
}
