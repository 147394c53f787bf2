/**
 * The generated bad-input suite: thousands of malformed requests to every route (path parameters,
 * queries, forms, JSON and multipart bodies, content types, cookies), built by a fixed-seed
 * generator, sent to the app with the demo catalogue and a signed-in admin. It fails on any 5xx,
 * on any answer slower than 5 s (a hang, not a benchmark), and on any change to the data made by
 * a request that was refused or that must never write.
 *
 * In the slow tier: about 6,000 requests, each followed on writes by a fingerprint of every table,
 * take the better part of a minute. The check that the catalogue covers every route the app serves
 * is cheap and stays in `npm test` (test/security/bad-input-coverage.test.ts).
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../helpers/accounts.js';
import { seedDemo, useTestApp } from '../helpers/app.js';
import { randomSpoils, ROUTES, seededRandom, singleSpoils, type GeneratedRequest } from '../security/bad-input-catalogue.js';

// METRICS_TOKEN set, so that /metrics is served on the site's port and spoiled like every route.
const context = useTestApp({ seed: seedDemo, config: { voteLimitPerVoter: 0, voteLimitPerIp: 0, metricsToken: 'bad-input-metrics-token-0123456789ab' } });

/** Far above any honest answer: only a hang or a runaway loop gets near it. */
const HANG_MS = 5000;
const RANDOM_PER_ROUTE = 20;
const SEED = 20261125;

const DATA_TABLES = [
  'shows',
  'seasons',
  'episodes',
  'episode_directors',
  'episode_watch_links',
  'episode_tallies',
  'votes',
  'users',
  'sessions',
  'audit_log',
  'vote_blocks',
  'app_settings',
] as const;

/** Row counts of every data table, the sums of every tally, and the length of every title and synopsis. */
async function fingerprint(): Promise<Record<string, number>> {
  const db = context.database.handle.db;
  const counts = DATA_TABLES.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`);
  const tallyColumns = ['vote_count', 'vote_sum', 'vote_sum_sq', 'baseline_count', 'baseline_sum', ...Array.from({ length: 10 }, (_, i) => `rated_${i + 1}`)];
  const tallies = tallyColumns.map((column) => sql`(select coalesce(sum(${sql.ref(column)}), 0) from episode_tallies) as ${sql.ref(column)}`);
  const texts = [
    sql`(select coalesce(sum(length(title) + length(synopsis) + length(slug)), 0) from shows) as show_text`,
    sql`(select coalesce(sum(length(coalesce(title, '')) + length(coalesce(synopsis, ''))), 0) from episodes) as episode_text`,
    sql`(select coalesce(sum(rating), 0) from votes) as rating_sum`,
  ];
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join([...counts, ...tallies, ...texts])}`.execute(db);
  return Object.fromEntries(Object.entries(rows[0]!).map(([key, value]) => [key, Number(value)]));
}

let adminCookie = '';
let sent = 0;

interface Finding {
  request: string;
  problem: string;
}

async function send(app: FastifyInstance, request: GeneratedRequest, findings: Finding[]) {
  const headers = { ...request.headers };
  if (request.route.auth === 'admin') headers.cookie = [headers.cookie, adminCookie].filter(Boolean).join('; ');
  const started = performance.now();
  const response = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    remoteAddress: `198.51.100.${(sent++ % 250) + 1}`,
  });
  const elapsed = performance.now() - started;
  const label = `${request.method} ${request.url.slice(0, 200)} [${request.what}]`;
  if (response.statusCode >= 500) findings.push({ request: label, problem: `${response.statusCode}: ${response.body.slice(0, 300)}` });
  if (elapsed > HANG_MS) findings.push({ request: label, problem: `answered after ${Math.round(elapsed)} ms` });
  return response.statusCode;
}

describe('generated bad input', () => {
  beforeAll(async () => {
    adminCookie = await signedInAs(context.app, context.database, 'admin');
    // The top-list refresher's first sweep starts with the app and records when it finished in
    // app_settings; wait for it, so that its write is not taken for one made by a request.
    await context.app.services.topRefresher.sweep();
  });

  it('reads answer every malformed request with a 4xx or a page, quickly, and change nothing', async () => {
    const findings: Finding[] = [];
    const before = await fingerprint();
    let count = 0;
    const random = seededRandom(SEED);
    for (const route of ROUTES.filter((r) => r.method === 'GET')) {
      for (const request of [...singleSpoils(route, random), ...randomSpoils(route, random, RANDOM_PER_ROUTE)]) {
        await send(context.app, request, findings);
        count++;
      }
    }
    expect(findings).toEqual([]);
    expect(count).toBeGreaterThan(1500);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it('writes refuse every malformed request with a 4xx before changing anything', async () => {
    const findings: Finding[] = [];
    let count = 0;
    let refused = 0;
    const random = seededRandom(SEED + 1);
    let expected = await fingerprint();
    for (const route of ROUTES.filter((r) => r.method !== 'GET')) {
      for (const request of [...singleSpoils(route, random), ...randomSpoils(route, random, RANDOM_PER_ROUTE)]) {
        const status = await send(context.app, request, findings);
        count++;
        const now = await fingerprint();
        if (status >= 400 || route.neverWrites) {
          refused++;
          if (JSON.stringify(now) !== JSON.stringify(expected)) {
            findings.push({
              request: `${request.method} ${request.url.slice(0, 200)} [${request.what}]`,
              problem: `answered ${status} but changed ${changes(expected, now)}`,
            });
          }
        }
        // A request that was accepted may write (a title with a "€" is a fine title); the next
        // request is judged against what it left.
        expected = now;
      }
    }
    expect(findings).toEqual([]);
    expect(count).toBeGreaterThan(1500);
    expect(refused).toBeGreaterThan(count * 0.6);
  }, 120_000);
});

function changes(before: Record<string, number>, after: Record<string, number>): string {
  return Object.keys(after)
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key} ${before[key]} -> ${after[key]}`)
    .join(', ');
}
