/**
 * Builds the Fastify application: plugins in a fixed order, then services, then every route.
 * Tests build it around a database of their own; server.ts builds it to listen.
 */
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { accountArea } from './web/account/index.js';
import { adminArea } from './web/admin/index.js';
import { embedsArea } from './web/embeds/index.js';
import { siteArea } from './web/site/index.js';
import { UPLOAD_LIMITS } from './web/ui/import-upload.js';
import { registerSessions } from './http/session.js';
import { registerApiTokens } from './http/api-token-auth.js';
import { registerModerationQueueCount } from './http/moderation-queue-count.js';
import { apiArea } from './api/index.js';
import { registerOpenApi } from './api/openapi.js';
import { API_PREFIX } from './shared/paths.js';
import { registerApiCaching } from './http/api-caching.js';
import { registerDefaultCacheControl } from './http/cache-policy.js';
import { fastifyTrustProxy } from './http/client-address.js';
import { registerErrorHandling } from './web/ui/errors.js';
import { registerInputGuard } from './http/input-guard.js';
import { registerHealthCheck, type RedisProbe } from './http/health.js';
import { Metrics, registerMetricsRoute, registerRequestMetrics } from './http/metrics.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerLanguage, stripLanguageParam } from './http/language.js';
import { setDefaultLanguage } from './i18n/context.js';
import { serverTimeouts } from './http/server-timeouts.js';
import { storeOf } from './repositories.js';
import { createServices, type Services } from './services.js';
import { siteSecret } from './shared/site-secret.js';
import { joinCluster, type Cluster } from './cluster/cluster.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    services: Services;
  }
}

/** The largest answer compressed in one synchronous call (see the compress plugin's registration below). */
const SYNC_COMPRESSION_BYTES = 128 * 1024;

export interface BuildOptions {
  config: Config;
  /** An open database; the app closes it when it closes. */
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** The Redis connection, when REDIS_URL is set: readiness and metrics report on it. */
  redis?: RedisProbe;
}

/**
 * Builds the Fastify app in a fixed order: outside plugins (security headers), then the app's
 * own services, then error handling, then routes. It does not listen; `server.ts` does, and
 * tests use `inject()`.
 */
export async function buildApp({ config, database, logger, redis: givenProbe }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Every form and JSON body this app accepts is small; refuse big ones before parsing.
    bodyLimit: 64 * 1024,
    // Close idle keep-alive sockets on shutdown instead of waiting for clients to hang up.
    forceCloseConnections: 'idle',
    // `?lang=` names the answer's language (src/http/language.ts), never a route's input.
    rewriteUrl: stripLanguageParam,
    ...serverTimeouts(config),
  });

  // Outside plugins first: security headers, cookies, form bodies.
  registerSecurityHeaders(app);
  const cookieSecret = await siteSecret(config.cookieSecret, storeOf(database.db).read.settings);
  await app.register(cookie, { secret: cookieSecret });
  setDefaultLanguage(config.defaultLanguage);
  registerLanguage(app);
  await app.register(formbody);
  // HTML, CSS, JS, JSON and problem documents (the default types) over 1 KB, brotli or gzip; request
  // bodies are never inflated (globalDecompression), so the 64 KB body limit means what it says.
  // Cached pages and API answers are stored compressed (http/response-cache.ts) and pass through untouched.
  // Answers up to SYNC_COMPRESSION_BYTES are compressed in one call rather than through a stream:
  // the plugin's default bound on two cores is 8 KB, which sent the answer to a vote on a
  // 100-episode season (8.8 KB of JSON) through a zlib stream per vote; in one call it was 10–19 %
  // more votes a second on PostgreSQL's big benchmark show, p99 89 → 64 ms. 60 KB of JSON take about
  // 0.6 ms either way here; 128 KB of season-page HTML 1–3 ms (gzip, brotli at the plugin's quality 4),
  // well inside the event loop's budget. The demo's season page is 66 KB since its rows carry their
  // details in a disclosure and the spoiler picker lists the show's episodes.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, syncThreshold: SYNC_COMPRESSION_BYTES, globalDecompression: false });
  // Two forms accept uploads: the admin's catalogue import and a fan's ratings import (which
  // narrows the file size to its own limit, web/account/ratings-import.routes.ts).
  await app.register(multipart, { limits: UPLOAD_LIMITS });

  app.decorate('config', config);
  // With REDIS_URL, limits and cache drops are shared with the other instances; serving never waits for Redis.
  const cluster = config.redisUrl ? await joinCluster(config.redisUrl, app.log) : null;
  app.decorate('services', createServices(database, config, cluster, app.log));
  cluster?.redis.start();
  app.addHook('onClose', async () => cluster?.redis.close());
  const redis = givenProbe ?? (cluster ? redisProbe(cluster) : undefined);
  // The background workers (refreshers, schedulers, the stuffing check), from ready to close,
  // stopped before the database closes.
  app.addHook('onReady', async () => app.services.workers.startAll(app.log));
  app.addHook('onClose', async () => app.services.workers.stopAll(app.log));
  app.addHook('onClose', async () => database.close());

  const metrics = new Metrics({
    caches: { pages: () => app.services.pageCache.stats(), api: () => app.services.apiAnswers.stats() },
    database: { availability: () => database.availability.current(), pool: database.pool },
    redis,
  });
  app.services.changes.subscribe((change) => metrics.countChange(change.kind));
  // Before the routes, so that every one of them is counted.
  registerRequestMetrics(app, metrics);
  registerSessions(app);
  // After the session (a token's account replaces the cookie's), before the API's answer cache.
  registerApiTokens(app, API_PREFIX);
  registerModerationQueueCount(app);
  registerErrorHandling(app, database.availability);
  registerInputGuard(app);
  registerApiCaching(app, API_PREFIX);
  registerDefaultCacheControl(app);
  await registerOpenApi(app);

  registerHealthCheck(app, database, redis);
  // On the site's port only to a scraper holding METRICS_TOKEN; METRICS_PORT serves them apart (server.ts).
  if (config.metricsToken !== null) registerMetricsRoute(app, app.metrics, config.metricsToken);
  // The site's areas, one folder each under src/web (docs/code-map.md), then the JSON API.
  await app.register(siteArea);
  await app.register(accountArea);
  await app.register(embedsArea);
  await app.register(adminArea);
  await app.register(apiArea, { prefix: API_PREFIX });
  return app;
}

/**
 * Readiness and the metrics gauge ask the command connection, which keeps no offline queue: while
 * it is disconnected a PING fails at once instead of waiting for the reconnection.
 */
function redisProbe(cluster: Cluster): RedisProbe {
  return {
    up: () => cluster.redis.state() === 'ready',
    check: async () => {
      const state = cluster.redis.state();
      if (state !== 'ready') return `Redis is ${state}`;
      try {
        await cluster.redis.commands.ping();
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}
