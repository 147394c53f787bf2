/**
 * The liveness and readiness probes, and /healthz beside them: a healthy app on the test run's
 * database, an app whose PostgreSQL server refuses connections (a real driver failure on either
 * run: nothing listens on the port), and Redis reported down by the readiness callback.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import type { RedisProbe } from '../../src/http/health.js';
import { testConfig, useTestApp } from '../helpers/app.js';
import { freePort } from '../helpers/process.js';

const context = useTestApp();

const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

/** An app on `handle`; the cookie secret comes from the settings so building it needs no database. */
async function appWith(handle: DatabaseHandle, redis?: RedisProbe): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig({ cookieSecret: 'x'.repeat(40) }), database: handle, logger: false, redis });
  apps.push(app);
  return app;
}

async function unreachableDatabase(): Promise<DatabaseHandle> {
  return openDatabase(`postgres://epirank:secret@127.0.0.1:${await freePort()}/epirank`);
}

const redisDown: RedisProbe = { up: () => false, check: async () => 'connection refused' };
const redisUp: RedisProbe = { up: () => true, check: async () => null };

function expectOk(response: LightMyRequestResponse) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.json()).toEqual({ status: 'ok' });
}

function expectUnavailable(response: LightMyRequestResponse, reason: string) {
  expect(response.statusCode).toBe(503);
  expect(response.headers['retry-after']).toBe('5');
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.json()).toEqual({ status: 'unavailable', reason });
}

describe('a healthy instance', () => {
  it('is live and ready, and /healthz says ok as before', async () => {
    expectOk(await context.app.inject({ method: 'GET', url: '/healthz/live' }));
    expectOk(await context.app.inject({ method: 'GET', url: '/healthz/ready' }));
    expectOk(await context.app.inject({ method: 'GET', url: '/healthz' }));
  });
});

describe('an instance whose database refuses connections', () => {
  it('stays live without asking the database, and is not ready', async () => {
    const handle = await unreachableDatabase();
    const app = await appWith(handle);

    expectOk(await app.inject({ method: 'GET', url: '/healthz/live' }));
    // Liveness ran no query: the outage is not even noticed yet.
    expect(handle.availability.current().available).toBe(true);

    expectUnavailable(await app.inject({ method: 'GET', url: '/healthz/ready' }), 'database unavailable: connection refused');
    expect(handle.availability.current()).toMatchObject({ available: false, reason: 'connection refused' });
    expectUnavailable(await app.inject({ method: 'GET', url: '/healthz' }), 'database unavailable: connection refused');
    // Still live during the outage: a supervisor must not restart an instance for its database.
    expectOk(await app.inject({ method: 'GET', url: '/healthz/live' }));
  });

  it('names the database first when Redis is down too', async () => {
    const app = await appWith(await unreachableDatabase(), redisDown);
    expectUnavailable(await app.inject({ method: 'GET', url: '/healthz/ready' }), 'database unavailable: connection refused');
  });
});

describe('an instance with Redis configured', () => {
  it('is ready while Redis answers', async () => {
    const app = await appWith(context.database.handle, redisUp);
    expectOk(await app.inject({ method: 'GET', url: '/healthz/ready' }));
  });

  it('is not ready while Redis is down, yet stays live and /healthz still judges the database alone', async () => {
    const app = await appWith(context.database.handle, redisDown);
    expectUnavailable(await app.inject({ method: 'GET', url: '/healthz/ready' }), 'redis unavailable: connection refused');
    expectOk(await app.inject({ method: 'GET', url: '/healthz/live' }));
    expectOk(await app.inject({ method: 'GET', url: '/healthz' }));
  });

  it('is not ready when the Redis check throws, and says what it threw', async () => {
    const failing: RedisProbe = {
      up: () => false,
      check: () => Promise.reject(new Error("READONLY You can't write against a read only replica.")),
    };
    const app = await appWith(context.database.handle, failing);
    expectUnavailable(await app.inject({ method: 'GET', url: '/healthz/ready' }), "redis unavailable: READONLY You can't write against a read only replica.");
  });
});

describe('/healthz while every pooled connection is busy', () => {
  // Only PostgreSQL has a pool to exhaust; SQLite answers on its one connection.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('answers from a connection of its own, not after the queued work', async () => {
    const { handle, url } = context.database;
    const max = handle.pool!().max;
    const busy = () => handle.pool!().total - handle.pool!().idle;
    // A separate session holds an advisory lock; every pooled connection then waits on it.
    const holder = openDatabase(url, { poolSize: 1 });
    let blocked: Array<Promise<unknown>> = [];
    await holder.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(4242)`.execute(trx);
      blocked = Array.from({ length: max }, () => sql`select pg_advisory_lock(4242), pg_advisory_unlock(4242)`.execute(handle.db));
      while (busy() < max) await new Promise((resolve) => setTimeout(resolve, 10));
      // Every pooled connection is taken by a query that cannot finish until this transaction ends,
      // yet the probes answer: they were waiting on nothing.
      expectOk(await context.app.inject({ url: '/healthz' }));
      expectOk(await context.app.inject({ url: '/healthz/ready' }));
      expect(busy()).toBe(max);
    });
    await Promise.all(blocked);
    await holder.close();
  });
});
