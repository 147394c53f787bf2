/**
 * `GET /api/v1/top`: the site-wide episode lists, the same page `/top` shows, with the minimum of
 * votes and the time the lists were last brought up to date.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { cacheAnswer } from '../http/api-caching.js';
import { EVERY_SHOW } from '../http/response-cache.js';
import { TOP_LISTS } from '../ranking/top-episodes.js';
import { paths, routes } from '../shared/paths.js';
import { topRequest, TopQuery } from '../http/schemas.js';
import { Nullable, PUBLIC, readAnswer, readErrors } from './api.schemas.js';

const TopEntrySchema = Type.Object({
  rank: Type.Integer({ minimum: 1, description: 'The place on this list, from 1.' }),
  show: Type.Object({ slug: Type.String(), title: Type.String(), network: Nullable(Type.String(), 'The show’s network, if known.') }),
  season: Type.Integer({ minimum: 1 }),
  episode: Type.Integer({ minimum: 1 }),
  title: Nullable(Type.String(), 'The episode’s title; null when unknown.'),
  airDate: Nullable(Type.String({ format: 'date' }), 'When the episode first aired, if known.'),
  votes: Type.Integer({ minimum: 0, description: 'Votes, with any imported tally.' }),
  average: Type.String({ description: 'The plain average, to two decimals.' }),
  fanScore: Type.String({ description: 'The fan score (the average pulled towards the show’s), to two decimals.' }),
  divisiveness: Nullable(Type.Number(), 'On the divisive list: the smaller of the shares of 1–3 and 8–10 ratings; null on the others.'),
  path: Type.String({ description: 'The episode’s page on this site.' }),
});

const TopAnswerSchema = Type.Object({
  list: Type.Enum([...TOP_LISTS]),
  minVotes: Type.Integer({ minimum: 1, description: 'The fewest votes an episode needs to be listed (TOP_MIN_VOTES).' }),
  refreshedAt: Nullable(Type.String({ format: 'date-time' }), 'Every entry is at least as recent as this; null while the lists are first computed.'),
  page: Type.Integer({ minimum: 1 }),
  more: Type.Boolean({ description: 'Whether the next page has entries.' }),
  items: Type.Array(TopEntrySchema),
});

export async function topApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { topEpisodes } = app.services;
  app.get(
    routes.api.top,
    {
      schema: {
        operationId: 'listTopEpisodes',
        summary: 'The best, most voted or most divisive episodes',
        description:
          'Episodes across every show with at least the minimum of votes, by fan score, by votes, or by how split their ratings are, optionally of one air year or network. The lists are computed in the background; `refreshedAt` says how recent they are.',
        tags: ['rankings'],
        security: PUBLIC,
        querystring: TopQuery,
        response: { 200: readAnswer('A page of the list.', TopAnswerSchema), ...readErrors },
      },
    },
    async (request) => {
      const { list, filters, page } = topRequest(request.query);
      const data = await topEpisodes.list(list, filters, page);
      cacheAnswer(request, EVERY_SHOW);
      return {
        list,
        minVotes: data.minVotes,
        refreshedAt: data.refreshedAt,
        page,
        more: data.hasNext,
        items: data.entries.map((e) => ({
          rank: e.rank,
          show: e.show,
          season: e.seasonNumber,
          episode: e.episodeNumber,
          title: e.title,
          airDate: e.airDate,
          votes: e.votes,
          average: e.average,
          fanScore: e.fanScore,
          divisiveness: e.divisiveness,
          path: paths.episode(e.show.slug, e.seasonNumber, e.episodeNumber),
        })),
      };
    },
  );
}
