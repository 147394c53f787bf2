import { randomBytes } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { accountRoutes } from './accounts/accounts.routes.js';
import { adminRoutes } from './admin/admin.routes.js';
import { UPLOAD_LIMITS } from './admin/import-upload.js';
import { registerSessions } from './accounts/session.js';
import { catalogApiRoutes } from './api/catalog.api.js';
import { API_PREFIX, openApiRoutes, registerOpenApi } from './api/openapi.js';
import { registerApiCaching } from './http/api-caching.js';
import { fastifyTrustProxy } from './http/client-address.js';
import { registerErrorHandling } from './http/errors.js';
import { registerInputGuard } from './http/input-guard.js';
import { registerHealthCheck } from './http/health.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { serverTimeouts } from './http/server-timeouts.js';
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
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Every form and JSON body this app accepts is small; refuse big ones before parsing.
    bodyLimit: 64 * 1024,
    // Close idle keep-alive sockets on shutdown instead of waiting for clients to hang up.
    forceCloseConnections: 'idle',
    ...serverTimeouts(config),
  });

  // Outside plugins first: security headers, cookies, form bodies.
  registerSecurityHeaders(app);
  const cookieSecret =
    config.cookieSecret ??
    (await new SettingsRepository(database.db).getOrCreate('cookie_secret', () => randomBytes(32).toString('base64url')));
  await app.register(cookie, { secret: cookieSecret });
  await app.register(formbody);
  // HTML, CSS, JS, JSON and problem documents (the default types) over 1 KB, brotli or gzip; request
  // bodies are never inflated (globalDecompression), so the 64 KB body limit means what it says.
  // Cached pages are stored compressed (page-cache.ts) and pass through untouched.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  // Only the admin import accepts uploads: one catalogue file and a few small fields.
  await app.register(multipart, { limits: UPLOAD_LIMITS });

  app.decorate('config', config);
  app.decorate('services', createServices(database, config));
  // The best-episode refresher works in the background: stop it with the app.
  app.addHook('onClose', async () => app.services.bestEpisodes.stop());
  app.addHook('onClose', async () => database.close());

  registerSessions(app);
  registerErrorHandling(app, database.availability);
  registerInputGuard(app);
  registerApiCaching(app, API_PREFIX);
  await registerOpenApi(app);

  registerHealthCheck(app, database);
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
