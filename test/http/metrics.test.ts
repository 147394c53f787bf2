/**
 * GET /metrics through the whole app in process: what Prometheus reads after real requests, on
 * the test run's database (SQLite, or PostgreSQL with its pool figures). On the site's port the
 * metrics are served only to a scraper that sends METRICS_TOKEN (issue 24); the apps here set one.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { countVote } from '../../src/http/metrics.js';
import { testConfig, useTestApp, seedDemo } from '../helpers/app.js';
import { freshDatabase, type TestDatabase } from '../helpers/database.js';

const METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';

// An hour, so the second request for a page finds it cached however slow the machine is.
const context = useTestApp({ seed: seedDemo, config: { pageCacheSeconds: 3600, metricsToken: METRICS_TOKEN } });

/** GET /metrics as the operator's scraper sends it. */
const getMetrics = (app: FastifyInstance) => app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });

const SEASON = '/shows/kaleido-star/seasons/1';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of Prometheus' text format (comments skipped); label order does not matter. */
function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(app: FastifyInstance): Promise<Sample[]> {
  const response = await getMetrics(app);
  expect(response.statusCode).toBe(200);
  return parseSamples(response.body);
}

/** The one sample with this name and exactly these labels; undefined when there is none. */
function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter(
    (s) => s.name === name && Object.keys(s.labels).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  expect(found.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
  return found[0]?.value;
}

describe('GET /metrics', () => {
  it('answers in the Prometheus text format and is never cached', async () => {
    const response = await getMetrics(context.app);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('# TYPE epirank_http_requests_total counter');
    expect(response.body).toContain('# TYPE epirank_http_request_duration_seconds histogram');
    // Node's own figures, event-loop lag among them.
    expect(response.body).toContain('# TYPE nodejs_eventloop_lag_p99_seconds gauge');
    expect(response.body).toContain('# TYPE process_cpu_seconds_total counter');
    expect(() => parseSamples(response.body)).not.toThrow();
  });

  it('counts requests under their route pattern, method and status class', async () => {
    const route = { method: 'GET', route: '/shows/:show/seasons/:season' };
    const before = sampleValue(await scrape(context.app), 'epirank_http_requests_total', { ...route, status_class: '2xx' }) ?? 0;
    await context.app.inject({ method: 'GET', url: SEASON });
    await context.app.inject({ method: 'GET', url: `${SEASON}?sort=votes` });
    expect((await context.app.inject({ method: 'GET', url: '/shows/kaleido-star/seasons/9' })).statusCode).toBe(404);

    const samples = await scrape(context.app);
    expect(sampleValue(samples, 'epirank_http_requests_total', { ...route, status_class: '2xx' })).toBe(before + 2);
    expect(sampleValue(samples, 'epirank_http_requests_total', { ...route, status_class: '4xx' })).toBe(1);
    // Every bucket from 1 ms to 2 s, cumulative, and the count agrees with the requests.
    const buckets = samples.filter((s) => s.name === 'epirank_http_request_duration_seconds_bucket' && s.labels.route === route.route);
    expect(buckets.map((s) => s.labels.le)).toEqual(['0.001', '0.0025', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2', '+Inf']);
    expect(buckets.at(-1)!.value).toBe(before + 3);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
    expect(sampleValue(samples, 'epirank_http_request_duration_seconds_count', route)).toBe(before + 3);
    expect(sampleValue(samples, 'epirank_http_request_duration_seconds_sum', route)).toBeGreaterThan(0);
  });

  it('counts addresses no route serves as unmatched, without their paths', async () => {
    const unmatched = { route: 'unmatched', status_class: '4xx' };
    const before = await scrape(context.app);
    for (let i = 0; i < 3; i++) await context.app.inject({ method: 'GET', url: `/no-such-page-${i}` });
    await context.app.inject({ method: 'POST', url: '/nowhere/at-all' });

    const samples = await scrape(context.app);
    expect(sampleValue(samples, 'epirank_http_requests_total', { method: 'GET', ...unmatched })).toBe(
      (sampleValue(before, 'epirank_http_requests_total', { method: 'GET', ...unmatched }) ?? 0) + 3,
    );
    expect(sampleValue(samples, 'epirank_http_requests_total', { method: 'POST', ...unmatched })).toBe(1);
    const routes = new Set(samples.filter((s) => s.name === 'epirank_http_requests_total').map((s) => s.labels.route));
    expect([...routes].filter((route) => route!.includes('no-such-page') || route!.includes('nowhere') || route === '/*')).toEqual([]);
  });

  it('reports page and API cache hits and misses', async () => {
    const pages = { cache: 'pages' };
    const api = { cache: 'api' };
    const before = await scrape(context.app);
    const url = '/shows/kaleido-star/seasons/1/episodes/4';
    await context.app.inject({ method: 'GET', url }); // rendered and stored
    await context.app.inject({ method: 'GET', url }); // served from the cache
    await context.app.inject({ method: 'GET', url: '/api/v1/shows/kaleido-star/ranking' });
    await context.app.inject({ method: 'GET', url: '/api/v1/shows/kaleido-star/ranking' });

    const after = await scrape(context.app);
    const moved = (name: string, labels: Record<string, string>) => (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
    expect(moved('epirank_page_cache_misses_total', pages)).toBe(1);
    expect(moved('epirank_page_cache_hits_total', pages)).toBe(1);
    expect(moved('epirank_page_cache_misses_total', api)).toBe(1);
    expect(moved('epirank_page_cache_hits_total', api)).toBe(1);
    expect(sampleValue(after, 'epirank_page_cache_entries', pages)).toBe(context.app.services.pageCache.stats().entries);
    expect(sampleValue(after, 'epirank_page_cache_bytes', pages)).toBeGreaterThan(1000);
    expect(sampleValue(after, 'epirank_page_cache_entries', api)).toBeGreaterThanOrEqual(1);
  });

  it('counts votes by outcome through countVote, every outcome shown from the start', async () => {
    const before = await scrape(context.app);
    for (const outcome of ['counted', 'held', 'refused']) expect(sampleValue(before, 'epirank_votes_total', { outcome })).toBe(0);
    countVote(context.app.metrics, 'counted');
    countVote(context.app.metrics, 'counted');
    countVote(context.app.metrics, 'held');
    const after = await scrape(context.app);
    expect(sampleValue(after, 'epirank_votes_total', { outcome: 'counted' })).toBe(2);
    expect(sampleValue(after, 'epirank_votes_total', { outcome: 'held' })).toBe(1);
    expect(sampleValue(after, 'epirank_votes_total', { outcome: 'refused' })).toBe(0);
  });

  it('reports the database: up, and the pool on PostgreSQL', async () => {
    const samples = await scrape(context.app);
    expect(sampleValue(samples, 'epirank_database_up')).toBe(1);
    if (context.database.handle.dialect === 'postgres') {
      // freshDatabase opens test pools with five connections; the scrape itself used none.
      expect(sampleValue(samples, 'epirank_database_pool_max')).toBe(5);
      const inUse = sampleValue(samples, 'epirank_database_pool_connections', { state: 'in_use' })!;
      const idle = sampleValue(samples, 'epirank_database_pool_connections', { state: 'idle' })!;
      expect(inUse).toBe(0);
      expect(idle).toBeGreaterThanOrEqual(1);
      expect(inUse + idle).toBeLessThanOrEqual(5);
      expect(sampleValue(samples, 'epirank_database_pool_waiting')).toBe(0);
    } else {
      expect(sampleValue(samples, 'epirank_database_pool_max')).toBe(1);
      expect(sampleValue(samples, 'epirank_database_pool_connections', { state: 'idle' })).toBeUndefined();
    }
  });

  it('answers a request without the token, or with a wrong one, as an unknown page', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${METRICS_TOKEN}x`, METRICS_TOKEN, `Basic ${METRICS_TOKEN}`]) {
      const response = await context.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(response.statusCode, String(authorization)).toBe(404);
      expect(response.body).not.toContain('epirank_http_requests_total');
    }
  });

  it('leaves epirank_redis_up out when no Redis is configured', async () => {
    expect((await getMetrics(context.app)).body).not.toContain('epirank_redis_up');
  });
});

describe('metrics of an app with Redis', () => {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('reports whether Redis is up, and counts only its own requests', async () => {
    database = await freshDatabase();
    let up = true;
    app = await buildApp({
      config: testConfig({ metricsToken: METRICS_TOKEN }),
      database: database.handle,
      logger: false,
      redis: { up: () => up, check: async () => null },
    });
    expect(sampleValue(await scrape(app), 'epirank_redis_up')).toBe(1);
    up = false;
    const samples = await scrape(app);
    expect(sampleValue(samples, 'epirank_redis_up')).toBe(0);
    // A registry per app: the other app's season-page requests are not here.
    expect(samples.filter((s) => s.name === 'epirank_http_requests_total' && s.labels.route !== '/metrics')).toEqual([]);
    expect(sampleValue(samples, 'epirank_http_requests_total', { method: 'GET', route: '/metrics', status_class: '2xx' })).toBe(1);
  });
});

describe('votes counted by what became of them, through the vote routes', () => {
  // One counted rating per network and episode, and two votes a minute per address.
  const voting = useTestApp({ seed: seedDemo, config: { votesPerNetwork: 1, voteLimitPerIp: 2, voteLimitPerVoter: 0, metricsToken: METRICS_TOKEN } });

  it('counts a counted, a held and a refused vote', async () => {
    const put = (episode: number) => voting.app.inject({ method: 'PUT', url: `/api/v1${SEASON}/episodes/${episode}/rating`, payload: { rating: 8 } });
    expect((await put(4)).statusCode).toBe(200); // the network's one counted rating of episode 4
    expect((await put(4)).statusCode).toBe(202); // held: the network already gave episode 4 its share
    expect((await put(5)).statusCode).toBe(429); // the address's third vote this minute
    const samples = await scrape(voting.app);
    expect(sampleValue(samples, 'epirank_votes_total', { outcome: 'counted' })).toBe(1);
    expect(sampleValue(samples, 'epirank_votes_total', { outcome: 'held' })).toBe(1);
    expect(sampleValue(samples, 'epirank_votes_total', { outcome: 'refused' })).toBe(1);
    // What the two accepted votes told the change feed: a tally changed, then a count of held ratings.
    expect(sampleValue(samples, 'epirank_changes_total', { kind: 'ratings' })).toBe(1);
    expect(sampleValue(samples, 'epirank_changes_total', { kind: 'held-ratings' })).toBe(1);
    for (const kind of ['catalogue', 'blocks', 'flags']) expect(sampleValue(samples, 'epirank_changes_total', { kind })).toBe(0);
  });
});

describe('GET /metrics on the site of an app without METRICS_TOKEN', () => {
  const bare = useTestApp();

  it('is not there: by default the metrics stay off the site', async () => {
    for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}`]) {
      const response = await bare.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('epirank_');
    }
  });
});
