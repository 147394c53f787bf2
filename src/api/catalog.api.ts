/**
 * The JSON API's read routes (/api/v1): shows, seasons, episodes and their rankings, cached and
 * tagged like the pages they mirror.
 */
import { routes } from '../shared/paths.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { episodeTitle, type Show } from '../catalog/catalog.types.js';
import { DEFAULT_SORT } from '../shared/sort-orders.js';
import type { EpisodeEntry, RankingView, SeasonSummary } from '../ranking/rankings.service.js';
import {
  EpisodeDetailSchema,
  EpisodeParams,
  PUBLIC,
  RankingSchema,
  rankingQuery,
  readAnswer,
  readErrors,
  SeasonParams,
  SeasonSummarySchema,
  ShowDetailSchema,
  ShowParams,
  ShowsPageSchema,
  ShowsQuery,
  API_SHOWS_PER_PAGE,
} from './api.schemas.js';
import { cacheAnswer } from '../http/api-caching.js';
import { EVERY_SHOW } from '../http/response-cache.js';
import { SEASON_RANKING_PER_PAGE, SHOW_RANKING_PER_PAGE } from '../shared/ranking-pages.js';
import Type from 'typebox';

const ShowRankingQuery = rankingQuery(SHOW_RANKING_PER_PAGE);
const SeasonRankingQuery = rankingQuery(SEASON_RANKING_PER_PAGE);

/** Read-only endpoints: shows, seasons, rankings and episodes, the same numbers the pages show. */
export async function catalogApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { rankings, snapshots } = app.services;

  app.get(
    routes.api.shows,
    {
      schema: {
        operationId: 'listShows',
        summary: 'List shows',
        description: 'Shows in title order, a page at a time, optionally filtered by title.',
        tags: ['shows'],
        security: PUBLIC,
        querystring: ShowsQuery,
        response: {
          200: readAnswer('A page of shows, each with its vote total and best episode.', ShowsPageSchema),
          304: readErrors[304],
          400: readErrors[400],
          401: readErrors[401],
          503: readErrors[503],
        },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const perPage = request.query.perPage ?? API_SHOWS_PER_PAGE.default;
      const { items, total } = await rankings.searchShows({ text: request.query.q, page, perPage });
      // The same for every reader and dropped when any show changes; a best episode refreshed after
      // a vote (best-episode-refresher.ts) shows once this answer expires.
      cacheAnswer(request, EVERY_SHOW);
      return {
        items: items.map((s) => ({
          ...showFields(s.show),
          votes: s.votes,
          episodeCount: s.episodeCount,
          bestEpisode: s.best ? episodeFields(s.best, s.best.rank) : null,
        })),
        page,
        perPage,
        total,
      };
    },
  );

  app.get(
    routes.api.show,
    {
      schema: {
        operationId: 'getShow',
        summary: 'One show',
        description: 'A show with its seasons and their totals.',
        tags: ['shows'],
        security: PUBLIC,
        params: ShowParams,
        response: { 200: readAnswer('The show and its seasons.', ShowDetailSchema), ...readErrors },
      },
    },
    async (request) => {
      const { show, seasons } = await rankings.overview(request.params.show);
      return { ...showFields(show), seasons: seasons.map(seasonFields) };
    },
  );

  app.get(
    routes.api.seasons,
    {
      schema: {
        operationId: 'listSeasons',
        summary: 'A show’s seasons',
        description: 'The seasons of a show in number order, each with its episode and vote totals.',
        tags: ['shows'],
        security: PUBLIC,
        params: ShowParams,
        response: { 200: readAnswer('The show’s seasons.', Type.Array(SeasonSummarySchema)), ...readErrors },
      },
    },
    async (request) => (await rankings.overview(request.params.show)).seasons.map(seasonFields),
  );

  app.get(
    routes.api.showRanking,
    {
      schema: {
        operationId: 'getShowRanking',
        summary: 'Every episode of a show, ranked',
        description: 'All seasons together, in the same order as the show page; each `rank` is the place in the whole show.',
        tags: ['rankings'],
        security: PUBLIC,
        params: ShowParams,
        querystring: ShowRankingQuery,
        response: { 200: readAnswer('A page of the show’s episodes, ranked, then the unrated ones.', RankingSchema), ...readErrors },
      },
    },
    async (request) => {
      const { sort = DEFAULT_SORT, page = 1, perPage = SHOW_RANKING_PER_PAGE, as_of: asOf } = request.query;
      const data =
        asOf === undefined
          ? await rankings.show(request.params.show, sort, { page, perPage })
          : (await snapshots.show(request.params.show, asOf, sort, { page, perPage })).data;
      cacheAnswer(request, data.show.id);
      return rankingFields(data.show, null, data.ranking, request.url, asOf);
    },
  );

  app.get(
    routes.api.seasonRanking,
    {
      schema: {
        operationId: 'getSeasonRanking',
        summary: 'A season, ranked',
        description:
          'Every episode of the season with votes, best first, in the same order as the season page; then the unrated ones. Each `rank` is the place in the season.',
        tags: ['rankings'],
        security: PUBLIC,
        params: SeasonParams,
        querystring: SeasonRankingQuery,
        response: { 200: readAnswer('A page of the season’s episodes, ranked, then the unrated ones.', RankingSchema), ...readErrors },
      },
    },
    async (request) => {
      const { show, season } = request.params;
      const { sort = DEFAULT_SORT, page = 1, perPage = SEASON_RANKING_PER_PAGE, as_of: asOf } = request.query;
      const data =
        asOf === undefined
          ? await rankings.season(show, season, sort, { page, perPage })
          : (await snapshots.season(show, season, asOf, sort, { page, perPage })).data;
      cacheAnswer(request, data.show.id);
      return rankingFields(data.show, data.season.number, data.ranking, request.url, asOf);
    },
  );

  app.get(
    routes.api.episode,
    {
      schema: {
        operationId: 'getEpisode',
        summary: 'One episode',
        description: 'An episode’s details, vote numbers, histogram and ranks by fan score in its season and show; `rank` is its place in its season.',
        tags: ['episodes'],
        security: PUBLIC,
        params: EpisodeParams,
        response: { 200: readAnswer('The episode with its numbers and ranks.', EpisodeDetailSchema), ...readErrors },
      },
    },
    async (request) => {
      const { show, season, episode } = request.params;
      const data = await rankings.episode(show, season, episode);
      return {
        ...episodeFields(data.episode, data.seasonRank?.rank ?? null),
        histogram: data.episode.histogram,
        votesHere: data.episode.votesHere,
        baselineVotes: data.episode.baselineCount,
        seasonRank: data.seasonRank,
        showRank: data.showRank,
      };
    },
  );
}

function showFields(show: Show) {
  const { slug, title, titles, synopsis, network, status, lastUpdated } = show;
  return { slug, title, ...(titles ? { titles } : {}), synopsis, network, status, lastUpdated };
}

function seasonFields(season: SeasonSummary) {
  const { number, episodeCount, ratedEpisodeCount, votes, average } = season;
  return { number, episodeCount, ratedEpisodeCount, votes, average };
}

export function episodeFields(episode: EpisodeEntry, rank: number | null) {
  return {
    id: episode.id,
    season: episode.seasonNumber,
    number: episode.episodeNumber,
    // The listed title, whatever the caller's title preference (a page prints `displayTitle`).
    title: episodeTitle({ title: episode.title, number: episode.episodeNumber }),
    ...(episode.titles ? { titles: episode.titles } : {}),
    airDate: episode.airDate,
    synopsis: episode.synopsis,
    directors: episode.directors,
    watchLinks: episode.watchLinks.map((link) => ({ provider: link.provider, url: link.url, countries: link.countries ?? [] })),
    rank,
    votes: episode.count,
    average: episode.average,
    fanScore: episode.fanScore,
    fewVotes: episode.fewVotes,
  };
}

function rankingFields(show: Show, season: number | null, ranking: RankingView, url: string, asOf?: string) {
  const { page, perPage, pageCount, rankedTotal, unratedTotal } = ranking.page;
  const path = url.split('?')[0]!;
  const link = (to: number) => `${path}?sort=${ranking.sort}&page=${to}&perPage=${perPage}${asOf === undefined ? '' : `&as_of=${asOf}`}`;
  return {
    show: { slug: show.slug, title: show.title },
    season,
    sort: ranking.sort,
    priorVotes: ranking.priorVotes,
    showMean: ranking.showMean,
    ranked: ranking.ranked.map((e) => episodeFields(e, e.rank)),
    unrated: ranking.unrated.map((e) => episodeFields(e, null)),
    total: rankedTotal + unratedTotal,
    page,
    perPage,
    next: page < pageCount ? link(page + 1) : null,
    prev: page > 1 ? link(page - 1) : null,
    ...(asOf === undefined ? {} : { asOf }),
  };
}
