/**
 * The JSON API, everything under /api/v1 (registered with that prefix by app.ts): shows, rankings
 * and episodes, search, the top lists, a voter's rating, the account of a personal API token and
 * its ratings (/me), and the OpenAPI document built from these routes' schemas. Route patterns
 * come from src/shared/paths.ts (`routes.api`, relative to API_PREFIX). Its page for people,
 * /api/v1/docs, is the site's (web/site/api-docs.routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import { catalogApiRoutes } from './catalog.api.js';
import { meApiRoutes } from './me.api.js';
import { openApiRoutes } from './openapi.js';
import { searchApiRoutes } from './search.api.js';
import { topApiRoutes } from './top.api.js';
import { voteApiRoutes } from './votes.api.js';

export async function apiArea(app: FastifyInstance): Promise<void> {
  await app.register(catalogApiRoutes);
  await app.register(searchApiRoutes);
  await app.register(topApiRoutes);
  await app.register(voteApiRoutes);
  await app.register(meApiRoutes);
  await app.register(openApiRoutes);
}
