/**
 * `GET /top`: the site-wide episode lists. The query schema and its reading are shared with
 * `GET /api/v1/top` (src/api/top.api.ts) through src/http/schemas.ts, so both refuse the same input.
 * The page is not cached: it reads one indexed page of `top_episodes`, one setting and the filters'
 * choices (a bounded index walk each), and it masks the episodes after the spoiler horizons of the
 * visitor's cookie.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { topRequest, TopQuery } from '../../http/schemas.js';
import { paths, routes } from '../../shared/paths.js';
import { readHorizons } from '../../http/horizon-cookie.js';
import { renderDocument } from '../ui/jsx.js';
import { TopPage } from './pages/top.page.js';
import { absoluteUrl } from '../ui/send-page.js';

export async function topRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { topEpisodes, filterChoices } = app.services;
  app.get(routes.site.top, { schema: { querystring: TopQuery } }, async (request, reply) => {
    const { list, filters, page } = topRequest(request.query);
    const [data, choices] = await Promise.all([topEpisodes.list(list, filters, page), filterChoices.forTop()]);
    reply.type('text/html; charset=utf-8');
    const url = absoluteUrl(request, app.config.publicUrl, paths.top({ list, ...filters, page }));
    return renderDocument(TopPage({ data, choices, url, user: request.user, horizons: readHorizons(request) }));
  });
}
