/**
 * What an operator's Prometheus scrapes: requests per route (count and latency), votes by outcome,
 * committed changes by kind (the change feed),
 * how the response caches are used, the database connections, Redis, and Node's own figures
 * (event-loop lag, memory, garbage collection).
 *
 * It lives in http/ beside /healthz because it is request plumbing that every area shares: the
 * domains only call `countVote`, and what the caches and the database report is handed in as
 * plain callbacks, so nothing here depends on a domain folder.
 *
 * Every app instance has its own registry rather than prom-client's global one, so tests can build
 * many apps in one process and each counts only its own requests.
 */
import { routes } from '../shared/paths.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AvailabilityState } from '../db/availability.js';
import type { PoolStats } from '../db/database.js';
import { CHANGE_KINDS, type ChangeKind } from '../shared/change-feed.js';
import type { RedisProbe } from './health.js';
import { cacheControl } from './cache-policy.js';

/**
 * Where the metrics are served: on METRICS_PORT, or on the site's port to a scraper that sends
 * METRICS_TOKEN. They tell sign-in failure counts and admin activity, so by default nobody on the
 * site's port reads them (issue 24).
 */
export const METRICS_PATH = routes.operations.metrics;

/** The label of a request no route matched, so made-up URLs cannot add label values. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * From 1 ms (a cached page) to 2 s (an import's upload, a cold ranking of a big show); anything
 * slower lands in +Inf, which is worth an alert rather than finer buckets.
 */
const DURATION_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2];

/** What became of a vote: it counted, it was kept aside for a moderator, or it was turned away. */
export type VoteOutcome = 'counted' | 'held' | 'refused';
const VOTE_OUTCOMES: VoteOutcome[] = ['counted', 'held', 'refused'];

/** How a response cache has been used since the app started, and what it holds now. */
export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export interface MetricsSources {
  /** Each response cache by the name it is labelled with (`cache="pages"`). */
  caches?: Record<string, () => CacheStats>;
  database?: {
    availability: () => AvailabilityState;
    /** PostgreSQL's pool now; absent on SQLite, which has one connection. */
    pool?: () => PoolStats;
  };
  /** Given only when REDIS_URL is set: without it `epirank_redis_up` is not reported at all. */
  redis?: Pick<RedisProbe, 'up'>;
  /** Node's own metrics (event-loop lag, heap, GC); on by default. */
  nodeMetrics?: boolean;
}

interface RouteCounters {
  duration: { observe(seconds: number): void };
  /** By the status code's first digit: 1xx … 5xx. */
  byStatusClass: Array<{ inc(): void } | undefined>;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status_class'>;
  private readonly durations: Histogram<'method' | 'route'>;
  private readonly votes: Counter<'outcome'>;
  private readonly changes: Counter<'kind'>;
  /** Label children by route, then method, made once: the request hook then allocates nothing of its own. */
  private readonly routes = new Map<string, Map<string, RouteCounters>>();

  constructor(sources: MetricsSources = {}) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'epirank_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status class.',
      labelNames: ['method', 'route', 'status_class'],
      registers,
    });
    this.durations = new Histogram({
      name: 'epirank_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent, by method and route pattern.',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS_SECONDS,
      registers,
    });
    this.votes = new Counter({
      name: 'epirank_votes_total',
      help: 'Ratings received: counted, held for a moderator, or refused.',
      labelNames: ['outcome'],
      registers,
    });
    // Every outcome shows from the start, so a rate over it works before the first vote of each kind.
    for (const outcome of VOTE_OUTCOMES) this.votes.inc({ outcome }, 0);
    this.changes = new Counter({
      name: 'epirank_changes_total',
      help: 'Committed changes told on the change feed, by kind (ratings, held-ratings, catalogue, blocks, flags).',
      labelNames: ['kind'],
      registers,
    });
    for (const kind of CHANGE_KINDS) this.changes.inc({ kind }, 0);

    if (sources.caches) registerCacheMetrics(registers, sources.caches);
    if (sources.database) registerDatabaseMetrics(registers, sources.database);
    if (sources.redis) {
      const redis = sources.redis;
      new Gauge({
        name: 'epirank_redis_up',
        help: '1 while the connection to Redis is up, 0 while it is not.',
        registers,
        collect() {
          this.set(redis.up() ? 1 : 0);
        },
      });
    }
    if (sources.nodeMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one answered request under its route pattern. */
  observeRequest(method: string, route: string = UNMATCHED_ROUTE, statusCode: number, seconds: number): void {
    const counters = this.countersFor(method, route);
    counters.duration.observe(seconds);
    const statusClass = Math.trunc(statusCode / 100);
    let counter = counters.byStatusClass[statusClass];
    if (!counter) {
      counter = this.requests.labels({ method, route, status_class: `${statusClass}xx` });
      counters.byStatusClass[statusClass] = counter;
    }
    counter.inc();
  }

  countVote(outcome: VoteOutcome): void {
    this.votes.inc({ outcome });
  }

  /** Counts one change told on the change feed (src/shared/change-feed.ts). */
  countChange(kind: ChangeKind): void {
    this.changes.inc({ kind });
  }

  /** The whole registry in Prometheus' text format. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private countersFor(method: string, route: string): RouteCounters {
    let byMethod = this.routes.get(route);
    if (!byMethod) this.routes.set(route, (byMethod = new Map()));
    let counters = byMethod.get(method);
    if (!counters) {
      counters = { duration: this.durations.labels({ method, route }), byStatusClass: [] };
      byMethod.set(method, counters);
    }
    return counters;
  }
}

/** Counts a vote by what became of it; the vote routes call this once per rating received. */
export function countVote(metrics: Metrics, outcome: VoteOutcome): void {
  metrics.countVote(outcome);
}

/**
 * A vote route's onResponse hook counting the votes turned away: a blocked voter or network, an
 * anonymous voter where only accounts vote (403), or a voter over a rate limit (429).
 */
export function refusedVoteCounter(metrics: Metrics) {
  return async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (reply.statusCode === 403 || reply.statusCode === 429) metrics.countVote('refused');
  };
}

function registerCacheMetrics(registers: Registry[], caches: Record<string, () => CacheStats>): void {
  const labelNames = ['cache'] as const;
  const each = (report: (cache: string, stats: CacheStats) => void) => {
    for (const [cache, stats] of Object.entries(caches)) report(cache, stats());
  };
  // The caches keep their own running totals; a scrape copies them (reset, then add the total).
  new Counter({
    name: 'epirank_page_cache_hits_total',
    help: 'Requests answered from a response cache (rendered pages, or API answers), since the start.',
    labelNames,
    registers,
    collect() {
      this.reset();
      each((cache, stats) => this.inc({ cache }, stats.hits));
    },
  });
  new Counter({
    name: 'epirank_page_cache_misses_total',
    help: 'Cacheable requests a response cache could not answer, since the start.',
    labelNames,
    registers,
    collect() {
      this.reset();
      each((cache, stats) => this.inc({ cache }, stats.misses));
    },
  });
  new Gauge({
    name: 'epirank_page_cache_entries',
    help: 'Answers a response cache holds now.',
    labelNames,
    registers,
    collect() {
      each((cache, stats) => this.set({ cache }, stats.entries));
    },
  });
  new Gauge({
    name: 'epirank_page_cache_bytes',
    help: 'Memory a response cache holds now, every stored coding counted.',
    labelNames,
    registers,
    collect() {
      each((cache, stats) => this.set({ cache }, stats.bytes));
    },
  });
}

function registerDatabaseMetrics(registers: Registry[], database: NonNullable<MetricsSources['database']>): void {
  new Gauge({
    name: 'epirank_database_up',
    help: '1 while the database answers, 0 during an outage (as the last query found it).',
    registers,
    collect() {
      this.set(database.availability().available ? 1 : 0);
    },
  });
  const pool = database.pool;
  new Gauge({
    name: 'epirank_database_pool_max',
    help: 'Most connections this instance opens to the database (SQLite: 1).',
    registers,
    collect() {
      this.set(pool ? pool().max : 1);
    },
  });
  if (!pool) return;
  new Gauge({
    name: 'epirank_database_pool_connections',
    help: 'Open PostgreSQL connections, in use or idle.',
    labelNames: ['state'],
    registers,
    collect() {
      const now = pool();
      this.set({ state: 'in_use' }, now.total - now.idle);
      this.set({ state: 'idle' }, now.idle);
    },
  });
  new Gauge({
    name: 'epirank_database_pool_waiting',
    help: 'Queries waiting for a PostgreSQL connection to come free.',
    registers,
    collect() {
      this.set(pool().waiting);
    },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/**
 * Decorates the app with its metrics and counts every answered request. The route label is the
 * route's pattern (`/shows/:show`). A request that ends on the 404 page without a route of its own
 * (web/site/pages.routes.ts's catch-all hands over to it) has no pattern and counts as unmatched.
 */
export function registerRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.decorate('metrics', metrics);
  // A callback hook rather than an async one: it runs on every request.
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

/**
 * GET /metrics on the site's port, for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`.
 * Any other request is answered as an unknown page (404), so the site does not even say that
 * metrics are there. The token is compared through SHA-256 digests with timingSafeEqual: equal
 * lengths, and no early exit that would let the time taken reveal how much of a guess was right.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics, token: string): void {
  const expected = digest(`Bearer ${token}`);
  app.get(routes.operations.metrics, async (request, reply) => {
    const sent = request.headers.authorization;
    if (typeof sent !== 'string' || !timingSafeEqual(digest(sent), expected)) return reply.callNotFound();
    const text = await metrics.text();
    return reply.header('cache-control', cacheControl.noStore).type(metrics.contentType).send(text);
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The separate listener METRICS_PORT asks for: a bare node:http server that answers GET /metrics
 * and nothing else. Call it before the app starts (it closes with the app), then `listen`.
 */
export function metricsListener(app: FastifyInstance, port: number, host: string): { listen(): Promise<AddressInfo> } {
  const metrics = app.metrics;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== METRICS_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Only ${METRICS_PATH} is served here.\n`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Use GET.\n');
      return;
    }
    metrics.text().then(
      (text) => {
        response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': cacheControl.noStore });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'metrics could not be collected');
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics could not be collected.\n');
      },
    );
  });
  // A scraper that keeps its connection open must not hold up shutdown.
  app.addHook('onClose', async () => {
    if (!server.listening) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });
  return {
    listen: () =>
      new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
  };
}
