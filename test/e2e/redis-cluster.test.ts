/**
 * Two app instances on one database (one SQLite file, or one PostgreSQL database when
 * TEST_DATABASE_URL is set) sharing one real Redis through REDIS_URL: a per-address limit holds
 * across both, a vote through one drops the other's cached page, a block set through one refuses
 * votes on the other at once, and when Redis is killed both keep voting on local limits, with no
 * 5xx, until it is back and limits are shared again.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { INVALIDATION_CHANNEL } from '../../src/cluster/cache-bus.js';
import { openDatabase } from '../../src/db/database.js';
import { seedDemo, testConfig } from '../helpers/app.js';
import { freshDatabase, type TestDatabase } from '../helpers/database.js';
import { parsePage, readRanking } from '../helpers/html.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

const SEASON = '/shows/kaleido-star/seasons/1';
const LIMIT_PER_IP = 5;

let redis: TestRedis;
let database: TestDatabase;
let a: FastifyInstance;
let b: FastifyInstance;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` holds, failing with `what` after a deadline far beyond the expected moment. */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await pause(25);
  }
}

/** Both instances connected and both listening on the channel, so a published drop reaches the other. */
async function bothShared(): Promise<void> {
  await until(() => a.services.cluster.state() === 'ready' && b.services.cluster.state() === 'ready', 'both instances to reach Redis');
  const probe = redis.client();
  try {
    await until(async () => {
      const [, listeners] = (await probe.pubsub('NUMSUB', INVALIDATION_CHANNEL)) as [string, number];
      return Number(listeners) === 2;
    }, 'both instances to listen for cache drops');
  } finally {
    probe.disconnect();
  }
}

function vote(app: FastifyInstance, episode: number, ip: string, rating = 7) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/shows/kaleido-star/seasons/1/episodes/${episode}/rating`,
    payload: { rating },
    remoteAddress: ip,
  });
}

async function votesShown(app: FastifyInstance, episode: number): Promise<number> {
  const response = await app.inject({ method: 'GET', url: SEASON });
  expect(response.statusCode).toBe(200);
  return readRanking(parsePage(response.body)).find((entry) => entry.episode === episode)!.votes;
}

beforeAll(async () => {
  redis = await startRedis();
  database = await freshDatabase();
  await seedDemo(database);
  // Pages kept a minute: without the shared drops, another instance's vote would show that late.
  const config = testConfig({ redisUrl: redis.url, voteLimitPerIp: LIMIT_PER_IP, voteLimitPerVoter: 0, pageCacheSeconds: 60 });
  a = await buildApp({ config, database: database.handle, logger: false });
  b = await buildApp({ config, database: openDatabase(database.url, { poolSize: 5 }), logger: false });
  await Promise.all([a.ready(), b.ready()]);
  await bothShared();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
  await redis?.stop();
});

describe('instances sharing one Redis', () => {
  it('holds the per-address limit across both instances', async () => {
    const statuses: number[] = [];
    // Ten votes from one address, alternating instances, each on its own episode and voter.
    for (let i = 0; i < 10; i++) statuses.push((await vote(i % 2 === 0 ? a : b, i + 1, '192.0.2.10')).statusCode);
    expect(statuses.filter((status) => status < 300)).toHaveLength(LIMIT_PER_IP);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10 - LIMIT_PER_IP);
    const refused = await vote(b, 20, '192.0.2.10');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(a.services.cluster.localDecisions() + b.services.cluster.localDecisions()).toBe(0);
  });

  it('drops the other instance’s cached page when a vote is taken', async () => {
    const before = await votesShown(b, 12);
    // Cached now on B for a minute; a vote through A must not wait that long to show there.
    expect(await votesShown(b, 12)).toBe(before);
    expect((await vote(a, 12, '192.0.2.20', 9)).statusCode).toBe(200);
    await until(async () => (await votesShown(b, 12)) === before + 1, 'B’s page to show the vote taken by A');
  });

  it('refuses votes on the other instance as soon as a block is set', async () => {
    expect((await vote(b, 13, '198.51.100.7')).statusCode).toBe(200);
    // B reloads its block list by itself only when a vote finds it stale; no vote reaches B until
    // it has reloaded, so the reload can only come from A's announcement.
    const reloads = vi.spyOn(b.services.voteBlocks, 'refresh');
    const { user } = await a.services.accounts.createAdmin({ email: 'moderator@example.org', displayName: 'Moderator', password: 'long enough password' });
    await a.services.moderation.block({ id: user.id, email: user.email }, 'ip', '198.51.100.0/24');
    await until(() => reloads.mock.results.length > 0, 'B to reload its blocks after A announced one');
    await reloads.mock.results[0]!.value;
    reloads.mockRestore();
    expect((await vote(b, 14, '198.51.100.8')).statusCode).toBe(403);
  });

  it('keeps voting on local limits while Redis is gone, and shares limits again once it is back', async () => {
    await redis.kill();
    await until(() => a.services.cluster.state() === 'down' && b.services.cluster.state() === 'down', 'both instances to see Redis gone');

    // Each instance now counts the address alone: up to the limit on each, never a 5xx.
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMIT_PER_IP + 2; i++) statuses.push((await vote(i % 2 === 0 ? a : b, i + 1, '203.0.113.5')).statusCode);
    expect(statuses.every((status) => status < 500)).toBe(true);
    expect(statuses.filter((status) => status < 300)).toHaveLength(2 * LIMIT_PER_IP);
    expect(a.services.cluster.localDecisions()).toBeGreaterThan(0);
    expect(b.services.cluster.localDecisions()).toBeGreaterThan(0);
    // Pages still render while Redis is away.
    expect((await a.inject({ method: 'GET', url: SEASON })).statusCode).toBe(200);

    await redis.restart();
    await bothShared();
    const fallbacks = a.services.cluster.localDecisions() + b.services.cluster.localDecisions();
    const shared: number[] = [];
    for (let i = 0; i < 10; i++) shared.push((await vote(i % 2 === 0 ? a : b, i + 1, '203.0.113.99')).statusCode);
    expect(shared.filter((status) => status < 300)).toHaveLength(LIMIT_PER_IP);
    expect(a.services.cluster.localDecisions() + b.services.cluster.localDecisions()).toBe(fallbacks);
  });
});
