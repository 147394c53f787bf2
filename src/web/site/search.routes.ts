/**
 * `GET /search?q=`: the search results page. Never cached: each query is its own address, and a
 * page cache full of one-off queries would push out the ranking pages worth keeping (what the
 * words found is kept for a moment instead, by SearchService, in a bounded list of its own). That is also
 * why results can follow the spoiler horizons of the visitor's cookie, one per show; `?upto=`,
 * which names an episode of one show, means nothing here and is ignored.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { SearchQuery } from '../../http/schemas.js';
import { routes } from '../../shared/paths.js';
import { readHorizons } from '../../http/horizon-cookie.js';
import { renderDocument } from '../ui/jsx.js';
import { SearchPage } from './pages/search.page.js';

/** The page without a query (a bare /search) shows the empty form. */
const PageQuery = Type.Object({ ...SearchQuery.properties, q: Type.Optional(SearchQuery.properties.q) });

export async function searchRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { search } = app.services;
  app.get(routes.site.search, { schema: { querystring: PageQuery } }, async (request, reply) => {
    const text = request.query.q ?? '';
    const results = await search.search(text, request.query.page ?? 1);
    reply.type('text/html; charset=utf-8');
    return renderDocument(SearchPage({ text, results, priorVotes: app.config.rankPriorVotes, user: request.user, horizons: readHorizons(request) }));
  });
}
