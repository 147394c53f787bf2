/**
 * `GET /api/v1/docs`: the API's page for people, listing the OpenAPI document (src/api/openapi.ts)
 * that @fastify/swagger builds from the API routes' schemas. An HTML page, so it is the site's,
 * though its address sits beside the API it describes.
 */
import type { FastifyInstance } from 'fastify';
import { routes } from '../../shared/paths.js';
import { sendPage } from '../ui/send-page.js';
import { ApiDocsPage } from './pages/api-docs.page.js';

export async function apiDocsRoutes(app: FastifyInstance): Promise<void> {
  app.get(routes.site.apiDocs, { schema: { hide: true } }, async (_request, reply) =>
    sendPage(reply, ApiDocsPage({ document: app.swagger() as unknown as Record<string, unknown> })),
  );
}
