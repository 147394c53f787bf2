import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { accountRoutes } from './accounts/accounts.routes.js';
import { adminRoutes } from './admin/admin.routes.js';
import { registerSessions } from './accounts/session.js';
import { catalogApiRoutes } from './api/catalog.api.js';
import { API_PREFIX, openApiRoutes, registerOpenApi } from './api/openapi.js';
import { registerApiCaching } from './http/api-caching.js';
import { registerErrorHandling } from './http/errors.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { SettingsRepository } from './db/settings.repository.js';
import { createServices, type Services } from './services.js';
import { voteApiRoutes } from './votes/votes.api.js';
import { voteFormRoutes } from './votes/votes.routes.js';
import { assetRoutes } from './web/assets.js';
import { webRoutes } from './web/web.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    services: Services;
  }
}

export interface BuildOptions {
  config: Config;
  /** An open database; the app closes it when it closes. */
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the Fastify app in a fixed order: outside plugins (security headers), then the app's
 * own services, then error handling, then routes. It does not listen; `server.ts` does, and
 * tests use `inject()`.
 */
export async function buildApp({ config, database, logger }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    // Every form and JSON body this app accepts is small; refuse big ones before parsing.
    bodyLimit: 64 * 1024,
    // Close idle keep-alive sockets on shutdown instead of waiting for clients to hang up.
    forceCloseConnections: 'idle',
  });

  // Outside plugins first: security headers, cookies, form bodies.
  registerSecurityHeaders(app);
  const cookieSecret =
    config.cookieSecret ??
    (await new SettingsRepository(database.db).getOrCreate('cookie_secret', () => randomBytes(32).toString('base64url')));
  await app.register(cookie, { secret: cookieSecret });
  await app.register(formbody);
  // Only the admin import accepts uploads; one catalogue file of up to 50 MB.
  await app.register(multipart, { limits: { files: 1, fileSize: 50 * 1024 * 1024, fields: 10 } });

  app.decorate('config', config);
  app.decorate('services', createServices(database, config));
  app.addHook('onClose', async () => database.close());

  registerSessions(app);
  registerErrorHandling(app);
  registerApiCaching(app, API_PREFIX);
  await registerOpenApi(app);

  app.get('/healthz', async (_request, reply) => {
    await sql`select 1`.execute(database.db);
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  await app.register(assetRoutes);
  await app.register(webRoutes);
  await app.register(voteFormRoutes);
  await app.register(accountRoutes);
  await app.register(adminRoutes);
  await app.register(catalogApiRoutes, { prefix: API_PREFIX });
  await app.register(voteApiRoutes, { prefix: API_PREFIX });
  await app.register(openApiRoutes, { prefix: API_PREFIX });
  return app;
}
