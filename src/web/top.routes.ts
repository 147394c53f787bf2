/**
 * `GET /top`: the site-wide episode lists. The query schema and its reading are shared with
 * `GET /api/v1/top` (src/api/top.api.ts), so the page and the API refuse the same input.
 * The page is not cached: it reads one indexed page of `top_episodes` and one setting, and it
 * masks the episodes after the spoiler horizons of the visitor's cookie.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { DEFAULT_TOP_LIST, TOP_LISTS, TOP_MAX_PAGE } from '../ranking/top-episodes.js';
import type { TopFilters } from '../ranking/top-episodes.repository.js';
import { paths } from '../shared/paths.js';
import { LIMITS } from '../catalog/catalog-rules.js';
import { readHorizons } from '../http/horizon-cookie.js';
import { renderDocument } from './jsx.js';
import { TopPage } from './pages/top.page.js';
import { absoluteUrl } from './send-page.js';

/**
 * An empty year or network means no filter: the page's filter form sends both fields even when
 * they are left blank.
 */
export const TopQuery = Type.Object({
  list: Type.Optional(Type.Enum([...TOP_LISTS], { description: 'Which list: `best` (by fan score, the default), `votes` or `divisive`.' })),
  year: Type.Optional(Type.String({ pattern: '^([12][0-9]{3})?$', description: 'Only episodes first aired in this year (four digits).' })),
  network: Type.Optional(Type.String({ maxLength: LIMITS.network, description: 'Only episodes of shows on this network (its exact name).' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: TOP_MAX_PAGE, default: 1, description: 'Which page, from 1.' })),
});

/** The list, filters and page a query asks for, with blank filters left out. */
export function topRequest(query: Static<typeof TopQuery>) {
  const filters: TopFilters = {};
  if (query.year) filters.year = Number(query.year);
  if (query.network) filters.network = query.network;
  return { list: query.list ?? DEFAULT_TOP_LIST, filters, page: query.page ?? 1 };
}

export async function topRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { topEpisodes } = app.services;
  app.get(paths.top(), { schema: { querystring: TopQuery } }, async (request, reply) => {
    const { list, filters, page } = topRequest(request.query);
    const data = await topEpisodes.list(list, filters, page);
    reply.type('text/html; charset=utf-8');
    const url = absoluteUrl(request, app.config.publicUrl, paths.top({ list, ...filters, page }));
    return renderDocument(TopPage({ data, url, user: request.user, horizons: readHorizons(request) }));
  });
}
