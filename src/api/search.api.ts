/**
 * `GET /api/v1/search`: shows and episodes matching a query, a page at a time, as the search page
 * lists them; the header's suggestions read it too. Answers are not cached: every query is its own
 * address, and a cache full of one-off queries would push out the pages worth keeping.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { MAX_SEARCH_PER_PAGE, SEARCH_PER_PAGE, type SearchResults } from '../catalog/search.service.js';
import { paths, withUpto, routes } from '../shared/paths.js';
import { horizonHiding, maskedText, type Horizon } from '../shared/spoiler-horizon.js';
import { readHorizons } from '../http/horizon-cookie.js';
import { PUBLIC, readAnswer, readErrors } from './api.schemas.js';
import { SearchQuery } from '../http/schemas.js';
import { cacheControl } from '../http/cache-policy.js';

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
  votes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Votes on the show, or on the episode; null when hidden.' }),
  hidden: Type.Boolean({
    description:
      'True for an episode after the spoiler horizon the reader set for its show (a cookie of this site): its title is then “Hidden: after S2E5” and its votes null.',
  }),
  path: Type.String({ description: 'The page of the show or episode on this site (with `upto` under a spoiler horizon).' }),
});

const SearchAnswerSchema = Type.Object({
  items: Type.Array(SearchHitSchema),
  page: Type.Integer(),
  perPage: Type.Integer(),
  more: Type.Boolean({ description: 'Whether the next page has results.' }),
  nearMisses: Type.Boolean({ description: 'True when nothing held the words and these are titles close to them (a typo).' }),
});

/** One result as the API and the suggestions show it; episodes after the reader's spoiler horizon for their show are masked. */
export function searchAnswer(results: SearchResults, horizons: ReadonlyMap<string, Horizon> = new Map()): Static<typeof SearchAnswerSchema> {
  return {
    items: results.items.map((item) => {
      const show = { slug: item.showSlug, title: item.showTitle, network: item.network };
      if (item.kind === 'show') {
        return { kind: item.kind, title: item.showTitle, show, season: null, episode: null, votes: item.votes, hidden: false, path: paths.show(item.showSlug) };
      }
      const place = { seasonNumber: item.seasonNumber as number, episodeNumber: item.episodeNumber as number };
      const hiding = horizonHiding(horizons, item.showSlug, place);
      const hidden = hiding !== null;
      return {
        kind: item.kind,
        title: hiding ? maskedText(hiding) : (item.episodeTitle ?? `Episode ${item.episodeNumber}`),
        show,
        season: place.seasonNumber,
        episode: place.episodeNumber,
        votes: hidden ? null : item.votes,
        hidden,
        path: withUpto(paths.episode(item.showSlug, place.seasonNumber, place.episodeNumber), horizons.get(item.showSlug)),
      };
    }),
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
    routes.api.search,
    {
      schema: {
        operationId: 'search',
        summary: 'Search shows and episodes',
        description:
          'Shows and episodes whose titles, synopses or directors hold every word: first those with the words whole in their title, then whole anywhere, then as beginnings of words; the most voted first within each. ' +
          'When nothing does, titles close to the words instead (`nearMisses`).',
        tags: ['shows'],
        security: PUBLIC,
        querystring: ApiSearchQuery,
        response: {
          200: readAnswer('A page of results.', SearchAnswerSchema),
          304: readErrors[304],
          400: readErrors[400],
          401: readErrors[401],
          503: readErrors[503],
        },
      },
    },
    async (request, reply) => {
      const results = await search.search(request.query.q, request.query.page ?? 1, request.query.perPage ?? SEARCH_PER_PAGE);
      const horizons = readHorizons(request);
      // Masked for this reader alone: no shared cache may keep it.
      if (horizons.size > 0) reply.header('cache-control', cacheControl.forOneVisitor);
      return searchAnswer(results, horizons);
    },
  );
}
