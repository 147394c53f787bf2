/**
 * `GET /api/v1/search`: shows and episodes matching a query, a page at a time, as the search page
 * lists them; the header's suggestions read it too. Answers are not cached: every query is its own
 * address, and a cache full of one-off queries would push out the pages worth keeping.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { MAX_SEARCH_PER_PAGE, SEARCH_PER_PAGE, type SearchResults } from '../catalog/search.service.js';
import { paths } from '../shared/paths.js';
import { PUBLIC, readAnswer, readErrors } from './api.schemas.js';
import { SearchQuery } from '../web/search.routes.js';

const ApiSearchQuery = Type.Object({
  ...SearchQuery.properties,
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SEARCH_PER_PAGE, default: SEARCH_PER_PAGE, description: 'Results on a page.' })),
});

const SearchHitSchema = Type.Object({
  kind: Type.Union([Type.Literal('show'), Type.Literal('episode')]),
  title: Type.String({ description: 'The show’s title, or the episode’s (“Episode N” when unknown).' }),
  show: Type.Object({ slug: Type.String(), title: Type.String(), network: Type.Union([Type.String(), Type.Null()]) }),
  season: Type.Union([Type.Integer(), Type.Null()], { description: 'The episode’s season number; null for a show.' }),
  episode: Type.Union([Type.Integer(), Type.Null()], { description: 'The episode’s number in its season; null for a show.' }),
  votes: Type.Integer({ minimum: 0, description: 'Votes on the show, or on the episode.' }),
  path: Type.String({ description: 'The page of the show or episode on this site.' }),
});

const SearchAnswerSchema = Type.Object({
  items: Type.Array(SearchHitSchema),
  page: Type.Integer(),
  perPage: Type.Integer(),
  more: Type.Boolean({ description: 'Whether the next page has results.' }),
  nearMisses: Type.Boolean({ description: 'True when nothing held the words and these are titles close to them (a typo).' }),
});

/** One result as the API and the suggestions show it. */
export function searchAnswer(results: SearchResults): Static<typeof SearchAnswerSchema> {
  return {
    items: results.items.map((item) => ({
      kind: item.kind,
      title: item.kind === 'show' ? item.showTitle : (item.episodeTitle ?? `Episode ${item.episodeNumber}`),
      show: { slug: item.showSlug, title: item.showTitle, network: item.network },
      season: item.seasonNumber,
      episode: item.episodeNumber,
      votes: item.votes,
      path: item.kind === 'show' ? paths.show(item.showSlug) : paths.episode(item.showSlug, item.seasonNumber as number, item.episodeNumber as number),
    })),
    page: results.page,
    perPage: results.perPage,
    more: results.more,
    nearMisses: results.nearMisses,
  };
}

export async function searchApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { search } = app.services;
  app.get(
    '/search',
    {
      schema: {
        operationId: 'search',
        summary: 'Search shows and episodes',
        description:
          'Shows and episodes whose titles, synopses or directors hold every word, the most relevant first (titles count most), then the most voted. ' +
          'When nothing does, titles close to the words instead (`nearMisses`).',
        tags: ['shows'],
        security: PUBLIC,
        querystring: ApiSearchQuery,
        response: {
          200: readAnswer('A page of results.', SearchAnswerSchema),
          304: readErrors[304],
          400: readErrors[400],
          503: readErrors[503],
        },
      },
    },
    async (request) => searchAnswer(await search.search(request.query.q, request.query.page ?? 1, request.query.perPage ?? SEARCH_PER_PAGE)),
  );
}
