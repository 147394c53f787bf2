/**
 * The OpenAPI document of /api/v1, built by @fastify/swagger from the routes' own schemas, and the
 * route that serves it. Its page for people is a page of the site (web/site/api-docs.routes.ts).
 */
import { routes } from '../shared/paths.js';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { RATING_RANGE_TEXT } from '../votes/rating-scale.js';
import { SECURITY_SCHEMES } from './api.schemas.js';
import { cacheControl } from '../http/cache-policy.js';

/**
 * Collects the schemas of every route under /api/v1 into an OpenAPI 3.1 document. Must be
 * registered before the routes it describes. Page routes carry no tags and stay out of it.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Epirank API',
        version: '1.0.0',
        description:
          `Fans rate TV episodes from ${RATING_RANGE_TEXT}; this API serves the same rankings as the pages and lets a client vote. ` +
          'Errors are `application/problem+json` documents whose `type` names the kind of error. ' +
          'Reading needs no cookie; a vote is made as the voter its cookie names, or as the account of a personal API token (`Authorization: Bearer`).',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'shows', description: 'Shows and their seasons' },
        { name: 'rankings', description: 'Episodes ranked by fans' },
        { name: 'episodes', description: 'One episode' },
        { name: 'votes', description: 'The current voter’s rating of an episode' },
        { name: 'account', description: 'The account a personal API token acts for, and its ratings' },
      ],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    hideUntagged: true,
  });
}

/** The document itself. */
export async function openApiRoutes(app: FastifyInstance): Promise<void> {
  app.get(routes.api.openApi, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', cacheControl.apiDocument).send(app.swagger()),
  );
}
